package dev.kesgen.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Renders the KES chart in charts/kes with real Helm (helm-java) and parses the manifests. */
final class KesChart {

    static final Path CHART = Path.of("kes").toAbsolutePath();
    static final Path VALUES = Path.of("src/test/resources/values").toAbsolutePath();
    static final String RELEASE = "kes";
    static final String NAMESPACE = "molgenis-kes";

    /**
     * helm-java 0.0.21's template prints only the release manifest, never the hooks (its native
     * template.go writes rel.Manifest), so hook resources are invisible to it. The hook view renders a
     * copy of the chart whose helm.sh/hook* annotation keys carry this prefix instead, which makes Helm
     * treat the hooks as ordinary resources; parsing maps the keys back.
     */
    static final String VISIBLE_HOOK_PREFIX = "hook.test.kesgen.dev/";

    private static final ObjectMapper YAML = new YAMLMapper();

    private KesChart() {
    }

    /** Renders with the given files (names under src/test/resources/values or absolute paths), later ones winning. */
    static Manifests render(Object... valuesFiles) {
        return render(CHART, valuesFiles);
    }

    /** Renders like {@link #render} but includes the hook resources (see {@link #VISIBLE_HOOK_PREFIX}). */
    static Manifests renderWithHooks(Object... valuesFiles) {
        return render(HookVisibleCopy.CHART, valuesFiles);
    }

    private static Manifests render(Path chart, Object... valuesFiles) {
        TemplateCommand template = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE);
        for (Object file : valuesFiles) {
            template = template.withValuesFile(file instanceof Path path ? path : VALUES.resolve((String) file));
        }
        return Manifests.parse(template.call());
    }

    /** A copy of the chart in target/ whose hook annotations Helm does not recognise, made once per run. */
    private static final class HookVisibleCopy {
        static final Path CHART = copy();

        private static Path copy() {
            try {
                Path target = Files.createDirectories(Path.of("target").toAbsolutePath())
                        .resolve("chart-with-visible-hooks").resolve("kes");
                if (Files.exists(target)) {
                    try (var old = Files.walk(target)) {
                        old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
                try (var files = Files.walk(KesChart.CHART)) {
                    for (Path source : files.toList()) {
                        Path copy = target.resolve(KesChart.CHART.relativize(source).toString());
                        if (Files.isDirectory(source)) {
                            Files.createDirectories(copy);
                        } else {
                            String text = Files.readString(source);
                            Files.writeString(copy, text.replace("helm.sh/hook", VISIBLE_HOOK_PREFIX + "hook"));
                        }
                    }
                }
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The values file as a tree, to compare what Helm rendered with what kesgen wrote. */
    static JsonNode values(String valuesFile) {
        return values(VALUES.resolve(valuesFile));
    }

    /** The values file at this path as a tree. */
    static JsonNode values(Path valuesFile) {
        try {
            return YAML.readTree(valuesFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes an overlay values file into dir, so a test can vary one value without a --set string. */
    static Path overlay(Path dir, String name, Map<String, Object> values) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, YAML.writeValueAsString(values));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of one rendering. */
    record Manifests(List<JsonNode> documents) {

        static Manifests parse(String text) {
            try (var parser = YAML.createParser(text)) {
                List<JsonNode> docs = new ArrayList<>();
                YAML.readValues(parser, JsonNode.class).forEachRemaining(doc -> {
                    if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                        docs.add(restoreHookAnnotations(doc));
                    }
                });
                return new Manifests(List.copyOf(docs));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static JsonNode restoreHookAnnotations(JsonNode doc) {
            JsonNode annotations = doc.path("metadata").path("annotations");
            if (annotations instanceof ObjectNode object) {
                for (String key : names(object.fieldNames())) {
                    if (key.startsWith(VISIBLE_HOOK_PREFIX)) {
                        object.set("helm.sh/" + key.substring(VISIBLE_HOOK_PREFIX.length()), object.remove(key));
                    }
                }
            }
            return doc;
        }

        private static List<String> names(Iterator<String> names) {
            List<String> list = new ArrayList<>();
            names.forEachRemaining(list::add);
            return list;
        }

        List<JsonNode> ofKind(String kind) {
            return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
        }

        JsonNode one(String kind) {
            List<JsonNode> found = ofKind(kind);
            if (found.size() != 1) {
                throw new AssertionError("expected one " + kind + " but found " + found.size() + " in " + documents);
            }
            return found.get(0);
        }

        JsonNode podSpec() {
            return one("Deployment").path("spec").path("template").path("spec");
        }

        JsonNode kesContainer() {
            return podSpec().path("containers").get(0);
        }

        JsonNode podAnnotations() {
            return one("Deployment").path("spec").path("template").path("metadata").path("annotations");
        }
    }
}
