assert !new File(basedir, 'generated').exists()
assert !new File(basedir, 'secrets').exists()
def log = new File(basedir, 'build.log').text
assert log.count('kesgen: skipped') == 3
