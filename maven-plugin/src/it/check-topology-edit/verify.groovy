assert !new File(basedir, 'generated/tenants/dev/lynx').exists() : 'check wrote output'
def log = new File(basedir, 'build.log').text
assert log =~ /(?m)^\s*generated\/tenants\/dev\/lynx\/client\.crt: / : 'the missing client certificate is not named'
assert !log.contains('kesgen check passed')
