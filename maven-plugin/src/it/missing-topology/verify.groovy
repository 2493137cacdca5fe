assert !new File(basedir, 'generated').exists() : 'generate wrote output without a topology'
assert !new File(basedir, 'secrets').exists() : 'generate made a secrets directory without a topology'
def log = new File(basedir, 'build.log').text
assert log.contains('MojoExecutionException') : 'a missing topology is not an environment error (MojoExecutionException)'
assert !log.contains('MojoFailureException') : 'a missing topology is reported as a finding'
assert log.readLines().any { it =~ /topology\.yaml:1:1: the topology file does not exist/ } : 'the message does not name the file'
assert !(log =~ /java\.(io|nio)\.[A-Za-z.]*Exception/) : 'the message names a Java exception class'
