using System;
using System.Linq;
using Stagehand.Contracts;
using Stagehand.Generators.Tests.Fuzzing;

namespace Stagehand.Generators.Tests;

/// <summary>
/// <c>prefixItems</c> with no room for more items is a C# value tuple: required positions up to <c>minItems</c>,
/// optional ones after it. Arrays that may hold more items, or that no value tuple can spell, stay JSON.
/// </summary>
public sealed class TupleTests
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "properties": {
            "range": { "type": "array", "prefixItems": [{ "type": "integer" }, { "type": "integer" }, { "type": "string" }], "items": false },
            "open": { "type": "array", "prefixItems": [{ "type": "integer" }] },
            "nullableOptional": { "type": "array", "prefixItems": [{ "type": ["string", "null"] }], "items": false },
            "nested": { "$ref": "#/$defs/pair" }
          },
          "$defs": {
            "pair": { "type": "array", "prefixItems": [{ "type": "string" }, { "$ref": "#/$defs/pair" }], "minItems": 2, "maxItems": 2 }
          }
        }
        """;

    private static readonly Lazy<ContractDescriptor> Shapes = new(() =>
        GeneratedCodeCompilesTests.Contract(GeneratedCodeCompilesTests.Load([new RandomSchemaFile("Shapes.schema.json", Schema)]), "Shapes"));

    [Fact]
    public void OnlyATupleOfFixedCountIsAValueTuple()
    {
        var type = Shapes.Value.Type;

        Assert.Equal(typeof((long?, long?, string?)?), type.GetProperty("Range")!.PropertyType);

        // More items may follow; an optional position that admits null (absent and null would be one C# value); a tuple
        // that holds itself (no C# type spells it).
        Assert.Equal(typeof(JsonAny?), type.GetProperty("Open")!.PropertyType);
        Assert.Equal(typeof(JsonAny?), type.GetProperty("NullableOptional")!.PropertyType);
        Assert.Equal(typeof(JsonAny?), type.GetProperty("Nested")!.PropertyType);
    }

    [Fact]
    public void AnOptionalItemSetAfterOneLeftOutIsAnErrorInMemory()
    {
        var type = Shapes.Value.Type;
        var value = Activator.CreateInstance(type)!;
        type.GetProperty("Range")!.SetValue(value, ((long?)1, (long?)null, "x"));

        var inMemory = (ValidationResult)type.GetMethod("Validate", Type.EmptyTypes)!.Invoke(value, null)!;

        Assert.Equal("/range/1 prefixItems", Assert.Single(inMemory.Errors).ToString().Split(':')[0]);
    }

    [Fact]
    public void ATupleEndsWhereItsArrayEnds()
    {
        Assert.True(Shapes.Value.TryParse("""{"range":[1]}"""u8.ToArray(), null, out var value, out var result), result.ToString());

        Assert.Equal(((long?)1, (long?)null, (string?)null), value!.GetType().GetProperty("Range")!.GetValue(value));
        Assert.Equal("""{"range":[1]}""", System.Text.Json.JsonSerializer.Serialize(value, value.GetType()));
        Assert.False(Shapes.Value.Validate("""{"range":[1,2,"a",3]}"""u8.ToArray(), null).IsValid);
    }
}
