def log = new File(basedir, 'build.log').text
assert !log.contains('CI is set')
assert new File(basedir, 'generated/tenants/dev/lynx/client.crt').isFile() : '`mvn verify` did not generate'
assert new File(basedir, 'secrets/tenants/dev/lynx/client.key').isFile()
assert log.contains('kesgen check passed')
assert log.readLines().count { it.contains('BUILD SUCCESS') } == 2
