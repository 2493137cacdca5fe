def policy = new File(basedir, 'generated/vault/policies/kes-dev.hcl').text
assert policy.contains('"sudo"') : 'the hand edit did not happen, or check rewrote the file'
def log = new File(basedir, 'build.log').text
// named as the command line names it, with the output directory in front (a path from the project directory)
assert log =~ /(?m)^\s*generated\/vault\/policies\/kes-dev\.hcl: / : 'the failure does not name the edited file'
assert !log.contains('kesgen check passed')
// the access rules name what the edit breaks, not only that the file differs
assert log.contains('vault/policies/kes-dev.hcl: instance dev, Vault policy kes-dev: rule "secret/*" grants [sudo] outside the instance\'s keys (secret/kes/dev/*)') : 'the access finding is missing'
assert log.contains('secret/kes/dev/gecko must have exactly [create, list, read]') : 'the capability finding is missing'
