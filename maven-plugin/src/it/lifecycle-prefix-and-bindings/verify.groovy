// Three builds in one log: `mvn kesgen:generate`, `mvn kesgen:check`, `mvn verify`.
def lines = new File(basedir, 'build.log').readLines()
def executions = lines.findAll { it =~ /--- kesgen(-maven-plugin)?:/ }
  .collect { (it =~ /--- kesgen(?:-maven-plugin)?:[^:]+:(\w+) \(([^)]+)\)/)[0][1, 2].join(' ') }
assert executions == ['generate default-cli', 'check default-cli', 'generate generate', 'check check'] :
  "executions: $executions"

def summaries = lines.findAll { it.contains('Files written ') }
assert summaries.size() == 2
assert !(summaries[0] =~ /Files written 0,/) : '`mvn kesgen:generate` wrote nothing'
assert lines.count { it.contains('Up to date: nothing written.') } == 1 : 'generate in `mvn verify` was not a no-op'
assert lines.count { it.contains('kesgen check passed') } == 2
assert lines.count { it.contains('BUILD SUCCESS') } == 3
