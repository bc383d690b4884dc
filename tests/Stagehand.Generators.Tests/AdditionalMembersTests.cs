using System.Linq;
using System.Text;
using System.Text.Json;
using Stagehand.Contracts;
using Stagehand.Generators.Tests.Fuzzing;

namespace Stagehand.Generators.Tests;

/// <summary>
/// <c>properties</c> beside an <c>additionalProperties</c> schema (OpenAPI's usual "known fields plus a typed bag")
/// becomes a record whose <c>AdditionalMembers</c> is a typed map: each extra member is read and checked with that
/// schema, kept, validated again in memory, and written back in place.
/// </summary>
public sealed class AdditionalMembersTests
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "properties": { "name": { "type": "string" } },
          "required": ["name"],
          "additionalProperties": { "type": "integer", "minimum": 0 }
        }
        """;

    private static readonly System.Lazy<ContractDescriptor> Counter = new(() =>
        GeneratedCodeCompilesTests.Contract(GeneratedCodeCompilesTests.Load([new RandomSchemaFile("Counter.schema.json", Schema)]), "Counter"));

    [Fact]
    public void ExtraMembersAreReadTypedAndWrittenBack()
    {
        const string json = """{"name":"clicks","a":1,"b":22}""";

        Assert.True(Counter.Value.TryParse(Encoding.UTF8.GetBytes(json), null, out var value, out var result), result.ToString());
        var additional = value!.GetType().GetProperty("AdditionalMembers")!;
        Assert.Equal(typeof(ValueMap<>), additional.PropertyType.GetGenericTypeDefinition());
        Assert.Equal(typeof(long), additional.PropertyType.GetGenericArguments().Single());
        Assert.Equal(2, ((System.Collections.IEnumerable)additional.GetValue(value)!).Cast<object>().Count());
        Assert.Equal(json, JsonSerializer.Serialize(value, value.GetType()));
    }

    [Fact]
    public void ExtraMembersAreCheckedAgainstTheirSchemaAtTheirOwnPointer()
    {
        var result = Counter.Value.Validate("""{"name":"clicks","a":-1,"b":"x"}"""u8.ToArray(), null);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.ToString().StartsWith("/a minimum", System.StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.ToString().StartsWith("/b type", System.StringComparison.Ordinal));
        Assert.True(Counter.Value.Validate("""{"name":"clicks"}"""u8.ToArray(), null).IsValid);
    }

    [Fact]
    public void AnExtraMemberNamedLikeADeclaredOneIsADuplicateInMemoryAsOnTheWire()
    {
        var type = Counter.Value.Type;
        var value = System.Activator.CreateInstance(type)!;
        type.GetProperty("Name")!.SetValue(value, "clicks");
        type.GetProperty("AdditionalMembers")!.SetValue(value, new ValueMap<long>([new("name", 3L), new("a", 1L)]));

        var inMemory = (ValidationResult)type.GetMethod("Validate", System.Type.EmptyTypes)!.Invoke(value, null)!;
        var onTheWire = Counter.Value.Validate(JsonSerializer.SerializeToUtf8Bytes(value, type), null);

        Assert.Equal("/name duplicate", Assert.Single(inMemory.Errors).ToString().Split(':')[0]);
        Assert.Equal("/name duplicate", Assert.Single(onTheWire.Errors).ToString().Split(':')[0]);
    }

    [Fact]
    public void TheSchemaGeneratesWithoutDiagnosticsAndCompiles()
    {
        var outcome = GeneratedCodeCompilesTests.Compile([new RandomSchemaFile("Counter.schema.json", Schema)]);

        Assert.True(outcome.Problems == 0, string.Join("\n", outcome.ProblemMessages));
        Assert.Empty(outcome.Errors);
    }
}
