using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Stagehand.Contracts.Tests.Wire;

/// <summary>The format cases of the official JSON Schema test suite (draft 2020-12, optional/format).</summary>
public sealed class FormatSuiteTests
{
    private static readonly string[] Files = ["uuid", "date-time", "uri"];

    public static IEnumerable<object[]> Cases()
    {
        string folder = FormatSuite.Folder ?? throw new InvalidOperationException("The suite folder is absent.");
        foreach (string name in Files)
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

    [SuiteTheory]
    [MemberData(nameof(Cases))]
    public void Each_string_case_is_decided_as_the_suite_says(string file, string description, string value, bool valid)
    {
        StringFormat format = file switch
        {
            "uuid" => StringFormat.Uuid,
            "date-time" => StringFormat.DateTime,
            _ => StringFormat.Uri,
        };
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
                _ => context.TryReadUri(ref reader, null, build: false, out _),
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
