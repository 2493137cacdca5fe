def log = new File(basedir, 'build.log').text
def upToDate = log.readLines().findIndexValues { it.contains('Up to date: nothing written.') }
assert upToDate.size() == 1 : "expected one 'Up to date' line (the second run), got ${upToDate.size()}"
def summaries = log.readLines().findAll { it.contains('Files written ') }
assert summaries.size() == 2
assert !(summaries[0] =~ /Files written 0,/) : 'the first run wrote nothing'
// server, tenant and the provisioner (KES v0.13.4 and MinIO 2020-10-09 create no key)
assert summaries[1] =~ /Files written 0, kept \d+, deleted 0; certificates issued 0, renewed 0, kept 3/
