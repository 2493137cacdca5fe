import java.nio.file.Files
import java.nio.file.Path

def written = basedir.toPath().resolve('charts/kes')
def source = basedir.toPath().resolve('../../../../charts/kes').normalize()
assert Files.isRegularFile(source.resolve('Chart.yaml')) : "the repository's chart is not at $source"

def files = { Path dir ->
  def map = new TreeMap()
  Files.walk(dir).filter { Files.isRegularFile(it) }.each { map[dir.relativize(it).toString()] = Files.readString(it) }
  map
}
def actual = files(written)
actual.remove('.kesgen-manifest')
assert actual == files(source) : 'charts/kes differs from the chart in the repository'

def log = new File(basedir, 'build.log').text
def lines = log.readLines().findAll { it.contains('KES chart in ') }
assert lines.size() == 2
assert !(lines[0] =~ /files written 0,/)
assert lines[1] =~ /files written 0, kept \d+, deleted 0/
