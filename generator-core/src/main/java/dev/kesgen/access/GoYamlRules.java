package dev.kesgen.access;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The YAML the access model refuses, so that what it reads is what KES (gopkg.in/yaml.v2 before 2023-11,
 * gopkg.in/yaml.v3 after) and Helm (sigs.k8s.io/yaml, over a fork of yaml.v2) read. SnakeYAML composes a node tree
 * and the model reads each scalar's text; where the Go libraries would decode another value, the file is refused:
 *
 * <ul>
 *   <li>any explicit tag, {@code !!str} and the other defaults included: Go decodes {@code !!binary} as base64
 *       (gopkg.in/yaml.v2@v2.4.0 decode.go:418-425 and 462-465; gopkg.in/yaml.v3@v3.0.1 decode.go:611-614), and
 *       kesgen never writes a tag, so one is a hand edit or an override;
 *   <li>anchors and aliases (kesgen never writes them; an alias repeats a subtree the model would read once more),
 *       and merge keys: a plain {@code <<} merges another mapping in all three libraries (gopkg.in/yaml.v3@v3.0.1
 *       decode.go:998-1000), which SnakeYAML's node tree leaves unmerged; a quoted one is text to them, but kesgen
 *       never writes either, so any {@code <<} key is refused;
 *   <li>a key twice in one mapping, compared by decoded text ({@code server}, {@code "server"} and
 *       {@code "ser\x76er"} are one key): yaml.v2 and Helm keep the last, yaml.v3 refuses the file
 *       (decode.go:769-777) but compares the written text, so it misses escapes; SnakeYAML's
 *       {@code setAllowDuplicateKeys(false)} acts only when constructing, never when composing;
 *   <li>a plain key Go reads as a boolean, number, null or timestamp ({@code true:} and {@code "true":} are one key
 *       once sigs.k8s.io/yaml turns keys into JSON strings: sigs.k8s.io/yaml@v1.6.0 yaml.go:205-245), and a key that
 *       is not a single value;
 *   <li>a second document (every library reads only the first) and {@code %YAML}/{@code %TAG} directives.
 * </ul>
 *
 * <p>Values the model uses must be text to every library too ({@link #isText}): quoted, a block scalar, or a plain
 * scalar none of them reads as anything else.
 */
final class GoYamlRules {
  /**
   * Plain scalars a Go YAML library reads as a boolean (gopkg.in/yaml.v2@v2.4.0 resolve.go:37-48 has y/n and
   * on/off), null, infinity, NaN or a merge.
   */
  private static final Pattern WORDS =
      Pattern.compile("(?i)y|n|yes|no|on|off|true|false|null|~|\\.?inf|[-+]\\.inf|\\.nan|<<");
  /**
   * Plain scalars a Go library may read as a number or timestamp: anything starting with a digit, sign or dot
   * (strconv.ParseInt base 0 after underscores are dropped, the float syntax, 0x/0o/0b, 2001-12-14). Wider than the
   * libraries, on purpose: quoting such a value is always possible, and kesgen quotes every value it writes.
   */
  private static final Pattern NUMBER_LIKE = Pattern.compile("[-+.0-9_].*", Pattern.DOTALL);

  private GoYamlRules() {}

  /**
   * Composes a single-document YAML text, refusing what Go's YAML libraries read otherwise than its text.
   *
   * @param what how a message names the text, e.g. {@code "the chart values"}
   * @return the root node, or null for an empty document
   */
  static Node compose(String text, String what) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(0);
    Parser parser = new Checking(new ParserImpl(new StreamReader(text), options), what);
    Node root = new Composer(parser, new Resolver(), options).getSingleNode();
    if (root != null) {
      checkKeys(root, what);
    }
    return root;
  }

  /** Whether every Go YAML library reads this scalar as the text SnakeYAML gives (tags are refused earlier). */
  static boolean isText(ScalarNode scalar) {
    if (scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
      return true;
    }
    String text = scalar.getValue();
    return scalar.getTag().equals(Tag.STR) && !text.isEmpty() && !WORDS.matcher(text).matches()
        && !NUMBER_LIKE.matcher(text).matches();
  }

  private static void checkKeys(Node node, String what) {
    if (node instanceof SequenceNode sequence) {
      sequence.getValue().forEach(item -> checkKeys(item, what));
    } else if (node instanceof MappingNode mapping) {
      Map<String, Node> seen = new HashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        Mark where = keyNode.getStartMark();
        if (!(keyNode instanceof ScalarNode key)) {
          throw new AccessModelException(what, where, "a mapping key must be a single value; write it as a quoted "
              + "string");
        }
        if (key.getValue().equals("<<")) {
          throw new AccessModelException(what, where, "a merge key '<<' copies another mapping's entries, and the Go "
              + "YAML libraries do not merge alike; kesgen never writes one: write the entries out");
        }
        if (!isText(key)) {
          throw new AccessModelException(what, where, "the key " + key.getValue() + " is not text to Go's YAML "
              + "libraries (a boolean, number or null; sigs.k8s.io/yaml turns it into a JSON key that another may "
              + "repeat); quote it: \"" + key.getValue() + "\"");
        }
        Node first = seen.putIfAbsent(key.getValue(), keyNode);
        if (first != null) {
          // relative, so the message stays true when the text is embedded in another (server.config in values)
          int up = where.getLine() - first.getStartMark().getLine();
          throw new AccessModelException(what, where, "the key '" + key.getValue() + "' is already in this mapping, "
              + (up == 0 ? "earlier on this line" : up == 1 ? "1 line up" : up + " lines up") + "; Helm and yaml.v2 "
              + "(KES before 2023-11) keep the last, so the two readings differ; remove one of them");
        }
        checkKeys(tuple.getValueNode(), what);
      }
    }
  }

  /** Passes the events on, refusing tags, anchors, aliases, directives and a second document as they come. */
  private static final class Checking implements Parser {
    private final Parser delegate;
    private final String what;
    private Event next;
    private int documents;

    Checking(Parser delegate, String what) {
      this.delegate = delegate;
      this.what = what;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
      Event event = peekEvent();
      return event != null && event.is(choice);
    }

    @Override
    public Event peekEvent() {
      if (next == null) {
        next = delegate.getEvent();
        if (next != null) {
          check(next);
        }
      }
      return next;
    }

    @Override
    public Event getEvent() {
      Event event = peekEvent();
      next = null;
      return event;
    }

    private void check(Event event) {
      Mark where = event.getStartMark();
      if (event instanceof DocumentStartEvent start) {
        if (++documents > 1) {
          throw new AccessModelException(what, where, "a second YAML document; KES and Helm read only the first of a "
              + "file, and kesgen writes one: remove the '---' line and what follows it");
        }
        boolean defaultTags = start.getTags() == null || start.getTags().entrySet().stream()
            .allMatch(t -> (t.getKey().equals("!") && t.getValue().equals("!"))
                || (t.getKey().equals("!!") && t.getValue().equals(Tag.PREFIX)));
        if (start.getVersion() != null || !defaultTags) {
          throw new AccessModelException(what, where, "a %YAML or %TAG directive; kesgen never writes one, and the Go "
              + "YAML libraries do not honour them alike: remove it");
        }
      }
      if (event instanceof AliasEvent) {
        throw new AccessModelException(what, where, "an alias (*" + ((AliasEvent) event).getAnchor() + "); kesgen "
            + "never writes anchors or aliases: write the value out");
      }
      if (event instanceof NodeEvent node && node.getAnchor() != null) {
        throw new AccessModelException(what, where, "an anchor (&" + node.getAnchor() + "); kesgen never writes "
            + "anchors or aliases: remove it");
      }
      String tag = event instanceof ScalarEvent scalar ? scalar.getTag()
          : event instanceof CollectionStartEvent collection ? collection.getTag() : null;
      if (tag != null) {
        throw new AccessModelException(what, where, "an explicit tag (" + shortTag(tag) + "); Go's YAML libraries "
            + "read tagged values otherwise than the access model (they decode !!binary as base64, for one), and "
            + "kesgen never writes a tag: remove it and quote the value");
      }
    }

    private static String shortTag(String tag) {
      return tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
    }
  }
}
