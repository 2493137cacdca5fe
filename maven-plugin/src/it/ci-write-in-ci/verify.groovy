def log = new File(basedir, 'build.log').text
def lines = log.readLines()
// step 2: kesgen.writeInCi lets generate write in CI
assert log.contains('kesgen: CI is set and kesgen.writeInCi is true: generate writes')
assert new File(basedir, 'generated/tenants/dev/lynx/client.crt').isFile() : 'generate with kesgen.writeInCi wrote nothing'
// step 3: without it, generate compares and passes on up-to-date output
assert lines.count { it.contains('kesgen: CI is set: generate compares the committed output') } == 1
assert lines.count { it.contains('kesgen: the committed output is up to date; nothing written') } == 1
assert lines.count { it.contains('kesgen check passed') } == 2
assert lines.count { it.contains('BUILD SUCCESS') } == 3
