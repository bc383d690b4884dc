using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Stagehand.Conformance.Tests;

/// <summary>One group of the official suite: a schema and the instances it must accept or reject.</summary>
internal sealed record SuiteGroup(string Id, string File, string Description, string SchemaText, IReadOnlyList<SuiteCase> Cases);

internal sealed record SuiteCase(string Description, byte[] Data, bool Valid);

/// <summary>Reads one draft's part of the official JSON Schema test suite from <c>../shared</c>.</summary>
internal static class TestSuite
{
    /// <summary>The drafts the suite has and the generator reads (each file names its dialect, or the project default does).</summary>
    public static readonly string[] Drafts = ["draft2020-12", "draft2019-09", "draft7"];

    /// <summary>The keyword files whose keywords the generated validators support, plus the asserted formats (those a draft has).</summary>
    public static readonly string[] Files =
    [
        "additionalProperties.json", "allOf.json", "anyOf.json", "boolean_schema.json", "const.json", "default.json",
        "defs.json", "definitions.json", "enum.json", "exclusiveMaximum.json", "exclusiveMinimum.json", "infinite-loop-detection.json",
        "items.json", "maxItems.json", "maxLength.json", "maximum.json", "minItems.json", "minLength.json", "minimum.json", "multipleOf.json",
        "oneOf.json", "pattern.json", "properties.json", "propertyNames.json", "ref.json", "required.json", "type.json",
        "optional/format/uuid.json", "optional/format/date-time.json", "optional/format/uri.json",
    ];

    public static string RepositoryRoot => TestRepository.Root;

    public static string Folder => TestRepository.JsonSchemaTestSuite;

    public static IReadOnlyList<SuiteGroup> Load(string draft)
    {
        var groups = new List<SuiteGroup>();
        foreach (var file in Files)
        {
            var path = Path.Combine(Folder, "tests", draft, file);
            if (!File.Exists(path))
            {
                continue;
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var index = 0;
            foreach (var group in document.RootElement.EnumerateArray())
            {
                var id = Identifier(file) + "_" + index++;
                var cases = group.GetProperty("tests").EnumerateArray()
                    .Select(test => new SuiteCase(
                        test.GetProperty("description").GetString()!,
                        System.Text.Encoding.UTF8.GetBytes(test.GetProperty("data").GetRawText()),
                        test.GetProperty("valid").GetBoolean()))
                    .ToList();
                groups.Add(new SuiteGroup(id, file, group.GetProperty("description").GetString()!, group.GetProperty("schema").GetRawText(), cases));
            }
        }

        return groups;
    }

    private static string Identifier(string file) =>
        new(Path.GetFileNameWithoutExtension(file).Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
}
