// Three builds in one log: `mvn generate`, `mvn check`, `mvn generate check`.
def lines = new File(basedir, 'build.log').readLines()
def executions = lines.findAll { it =~ /--- kesgen(-maven-plugin)?:/ }
  .collect { (it =~ /--- kesgen(?:-maven-plugin)?:[^:]+:(\w+) \(([^)]+)\)/)[0][1, 2].join(' ') }
// the lifecycles' bindings run with the execution ids default-generate and default-check
assert executions == ['generate default-generate', 'check default-check',
                      'generate default-generate', 'check default-check'] : "executions: $executions"

assert new File(basedir, 'generated/kes/dev/values.yaml').isFile() : '`mvn generate` wrote no output'
assert new File(basedir, 'secrets/kes/dev/server.key').isFile() : '`mvn generate` wrote no key'

def summaries = lines.findAll { it.contains('Files written ') }
assert summaries.size() == 2 : "expected two generate runs, got $summaries"
assert !(summaries[0] =~ /Files written 0,/) : 'the first `mvn generate` wrote nothing'
assert lines.count { it.contains('Up to date: nothing written.') } == 1 : 'the second generate was not a no-op'
assert lines.count { it.contains('kesgen check passed') } == 2
assert !lines.any { it.contains('Unknown lifecycle phase') }
assert lines.count { it.contains('BUILD SUCCESS') } == 3
