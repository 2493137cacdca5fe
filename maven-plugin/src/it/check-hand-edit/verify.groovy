def policy = new File(basedir, 'generated/vault/policies/kes-dev.hcl').text
assert policy.contains('"sudo"') : 'the hand edit did not happen, or check rewrote the file'
def log = new File(basedir, 'build.log').text
assert log =~ /(?m)^\s*vault\/policies\/kes-dev\.hcl: / : 'the failure does not name the edited file'
assert !log.contains('kesgen check passed')
