def lines = new File(basedir, 'build.log').readLines()
def executions = lines.findAll { it =~ /--- kesgen(-maven-plugin)?:/ }
assert executions.size() == 1 && executions[0].contains(':check (default-check)') : "executions: $executions"
assert lines.any { it.startsWith('[ERROR] Failed to execute goal') && it.contains('kesgen check found ') }
assert !new File(basedir, 'generated').exists() : '`mvn check` wrote output'
assert !new File(basedir, 'secrets').exists() : '`mvn check` wrote secrets'
