def policy = new File(basedir, 'generated/vault/policies/kes-dev.hcl').text
assert policy.contains('# KESGEN-IT-OVERRIDE-MARKER') : 'the override was not used'
assert policy.contains('path ') : 'the override did not render the policy rules'
