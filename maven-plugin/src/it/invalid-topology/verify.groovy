assert !new File(basedir, 'generated').exists()
def log = new File(basedir, 'build.log').text
def problems = log.readLines().findAll { it =~ /topology\.yaml:\d+:\d+: / }
assert problems.size() >= 2 : "expected both mistakes with file:line:column, got $problems"
assert problems.any { it =~ /topology\.yaml:15:\d+: / } : 'the port mistake is not on line 15'
assert problems.any { it =~ /topology\.yaml:26:\d+: / } : 'the namespace mistake is not on line 26'
assert log.contains('MojoFailureException') && !log.contains('MojoExecutionException') : 'not a plain build failure'
