using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Stagehand.Contracts.Tests.Wire;

/// <summary>
/// The format cases of the official JSON Schema test suite (draft 2020-12, optional/format), checked without a generated
/// validator: in memory, in UTF-8 and through the reader, which must all say what the suite says.
/// </summary>
public sealed class FormatSuiteTests
{
    /// <summary>Every file of the folder but <c>unknown.json</c> (a format no one knows is an annotation), with the format it tests.</summary>
    private static readonly Dictionary<string, StringFormat> Files = new()
    {
        ["uuid"] = StringFormat.Uuid,
        ["date-time"] = StringFormat.DateTime,
        ["uri"] = StringFormat.Uri,
        ["date"] = StringFormat.Date,
        ["time"] = StringFormat.Time,
        ["duration"] = StringFormat.Duration,
        ["email"] = StringFormat.Email,
        ["idn-email"] = StringFormat.IdnEmail,
        ["hostname"] = StringFormat.Hostname,
        ["idn-hostname"] = StringFormat.IdnHostname,
        ["ipv4"] = StringFormat.IPv4,
        ["ipv6"] = StringFormat.IPv6,
        ["uri-reference"] = StringFormat.UriReference,
        ["iri"] = StringFormat.Iri,
        ["iri-reference"] = StringFormat.IriReference,
        ["uri-template"] = StringFormat.UriTemplate,
        ["json-pointer"] = StringFormat.JsonPointer,
        ["relative-json-pointer"] = StringFormat.RelativeJsonPointer,
        ["regex"] = StringFormat.Regex,
        ["ecmascript-regex"] = StringFormat.Regex,
    };

    public static IEnumerable<object[]> Cases()
    {
        string folder = FormatSuite.Folder ?? throw new InvalidOperationException("The suite folder is absent.");
        foreach (string name in Files.Keys)
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, name + ".json")));
            foreach (JsonElement group in document.RootElement.EnumerateArray())
            {
                foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
                {
                    JsonElement data = test.GetProperty("data");
                    if (data.ValueKind == JsonValueKind.String)
                    {
                        yield return [name, test.GetProperty("description").GetString()!, data.GetString()!, test.GetProperty("valid").GetBoolean()];
                    }
                }
            }
        }
    }

    [Fact]
    public void Every_format_file_of_the_suite_is_run()
    {
        if (FormatSuite.Folder is { } folder)
        {
            Assert.Equal(
                Directory.EnumerateFiles(folder, "*.json").Select(Path.GetFileNameWithoutExtension).Where(name => name != "unknown").Order(StringComparer.Ordinal),
                Files.Keys.Order(StringComparer.Ordinal));
        }
    }

    [SuiteTheory]
    [MemberData(nameof(Cases))]
    public void Each_string_case_is_decided_as_the_suite_says(string file, string description, string value, bool valid)
    {
        StringFormat format = Files[file];
        StringRules rules = new StringRules(format: format);
        Assert.True((rules.Check(value) is null) == valid, $"{file}: {description}");
        Assert.True((rules.Check(Encoding.UTF8.GetBytes(value)) is null) == valid, $"{file} (UTF-8): {description}");

        // Through the reader, as a generated member of that format reads it.
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(value);
        ContractReadContext context = new ContractReadContext(json, null);
        try
        {
            Utf8JsonReader reader = context.CreateReader();
            Assert.True(context.ReadFirstToken(ref reader));
            bool read = format switch
            {
                StringFormat.Uuid => context.TryReadGuid(ref reader, null, out _),
                StringFormat.DateTime => context.TryReadDateTimeOffset(ref reader, null, out _),
                StringFormat.Uri => context.TryReadUri(ref reader, null, build: false, out _),
                _ => context.TryReadString(ref reader, rules, build: true, out string? text) && text == value,
            };
            Assert.True(read == valid, $"{file} (reader): {description}");
        }
        finally
        {
            context.Dispose();
        }
    }
}

/// <summary>Finds the JSON Schema test suite's format folder, next to the repository (<c>../shared/json-schema-test-suite</c>).</summary>
internal static class FormatSuite
{
    public static readonly string? Folder = Find();

    private static string? Find()
    {
        string candidate = Path.Combine(TestRepository.JsonSchemaTestSuite, "tests", "draft2020-12", "optional", "format");
        return Directory.Exists(candidate) ? candidate : null;
    }
}

/// <summary>A theory that is skipped, with a message, when the test suite folder is absent.</summary>
public sealed class SuiteTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the suite cannot be found.</summary>
    public SuiteTheoryAttribute()
    {
        if (FormatSuite.Folder is null)
        {
            Skip = "The JSON Schema test suite is absent: no shared/json-schema-test-suite/tests/draft2020-12/optional/format folder above " + AppContext.BaseDirectory;
        }
    }
}
