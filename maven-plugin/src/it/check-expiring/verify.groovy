def log = new File(basedir, 'build.log').text
assert log.contains('kesgen check passed') : 'the check 36 days before expiry did not pass'
def failures = log.readLines().findAll { it =~ /^\s*(kes\/dev|tenants\/dev\/gecko)\b.*: / }
assert failures.any { it.contains('kes/dev') && it =~ /(?i)expir/ } : 'the expiring server certificate is not named'
assert failures.any { it.contains('tenants/dev/gecko') && it =~ /(?i)expir/ } : 'the expiring client certificate is not named'
assert log.count('kesgen check found ') == 2 : 'expected two failing checks'
