using System.Collections.Immutable;
using System.Linq;
using Stagehand.Generators.Tests.Infrastructure;

namespace Stagehand.Generators.Tests;

public sealed class SnapshotTests
{
    [Fact]
    public void ProjectSchemas()
    {
        var schemas = GeneratorHarness.ProjectSchemas();
        var result = GeneratorHarness.Run(schemas);

        Assert.Empty(result.Diagnostics);
        var documents = schemas
            .Select(file => Stagehand.Schema.SchemaReader.ReadFile(file.Path, Stagehand.Schema.SchemaFileSettings.Resolve(GeneratorHarness.NamespaceFor(file.Path), null, null), file.GetText()))
            .ToImmutableArray();
        Assert.Empty(Stagehand.Schema.ContractModelBuilder.Build(documents).SelectMany(r => r.Problems));
        // Each schema file's types (or its reader class alone, for a file with no type), and the registry; a reader
        // class beside each file's types.
        Assert.Equal(schemas.Length + 1, result.GeneratedSources.Count(s => !s.HintName.EndsWith(".Reader.g.cs", System.StringComparison.Ordinal)));
        Snapshot.VerifySources(nameof(SnapshotTests), nameof(ProjectSchemas), result.GeneratedSources);
    }

    [Fact]
    public void GeneratorVersionIsScrubbedFromSnapshots()
    {
        var result = GeneratorHarness.RunInline(("Thing.schema.json", """{ "type": "object", "properties": { "name": { "type": "string" } } }"""));
        var version = typeof(ContractsGenerator).Assembly.GetName().Version!.ToString(3);

        Assert.All(result.GeneratedSources, source =>
        {
            var text = source.SourceText.ToString();
            Assert.Contains($"GeneratedCode(\"Stagehand.Generators\", \"{version}\")", text);
            var scrubbed = Snapshot.ScrubVersion(text);
            Assert.DoesNotContain($"\"{version}\"", scrubbed);
            Assert.Contains($"GeneratedCode(\"Stagehand.Generators\", \"{Snapshot.VersionToken}\")", scrubbed);
            Assert.Equal(text.Replace($"\"{version}\"", $"\"{Snapshot.VersionToken}\"", System.StringComparison.Ordinal), scrubbed);
        });
        // Only the generator's version, whole, where it names the generator: not a longer number, not another tool's.
        Assert.Equal("Stagehand.Generators {version} from", Snapshot.ScrubVersion($"Stagehand.Generators {version} from"));
        Assert.Equal($"Stagehand.Generators {version}9", Snapshot.ScrubVersion($"Stagehand.Generators {version}9"));
        Assert.Equal($"GeneratedCode(\"Other.Tool\", \"{version}\")", Snapshot.ScrubVersion($"GeneratedCode(\"Other.Tool\", \"{version}\")"));
    }

    [Fact]
    public void ConsumerSchemaWithoutNamespaceMetadataUsesRootNamespace()
    {
        var file = new TestAdditionalText("/consumer/schemas/Widget.schema.json", """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "description": "A consumer's own entity.",
              "x-stagehand-visibility": "public",
              "x-stagehand-formatAssertion": true,
              "type": "object",
              "x-stagehand-unknownMembers": "reject",
              "additionalProperties": false,
              "required": ["id"],
              "properties": {
                "id": { "type": "string", "format": "uuid" },
                "tags": { "type": "array", "items": { "type": "string" } }
              }
            }
            """);
        var options = new TestOptionsProvider(
            new System.Collections.Generic.Dictionary<string, string> { [ContractsGenerator.RootNamespaceProperty] = "Acme.Shop" },
            new System.Collections.Generic.Dictionary<string, System.Collections.Generic.IReadOnlyDictionary<string, string>>());

        var result = GeneratorHarness.Run([file], options);

        Assert.Empty(result.Diagnostics);
        Snapshot.VerifySources(nameof(SnapshotTests), nameof(ConsumerSchemaWithoutNamespaceMetadataUsesRootNamespace), result.GeneratedSources);
        Assert.All(result.GeneratedSources, source => Assert.Contains("namespace Acme.Shop;", source.SourceText.ToString()));
    }
}
