using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Stagehand.Contracts;
using Stagehand.Generators.Tests.Fuzzing;

namespace Stagehand.Generators.Tests;

/// <summary>
/// <c>patternProperties</c> in a record: the undeclared members a pattern names are kept in <c>PatternMembers</c>, a
/// typed map, each checked with the schema of every pattern its name matches; the others go where
/// <c>additionalProperties</c> sends them. Nothing read is lost on the way back out, and a value built in code is held
/// to the same rules as one read from the wire.
/// </summary>
public sealed class PatternMembersTests
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "properties": { "id": { "type": "string" } },
          "required": ["id"],
          "patternProperties": { "^x-": { "type": "integer", "minimum": 0 }, "^x-big-": { "type": "integer", "minimum": 100 } },
          "additionalProperties": { "type": "string" }
        }
        """;

    private static readonly Lazy<ContractDescriptor> Tagged = new(() =>
        GeneratedCodeCompilesTests.Contract(GeneratedCodeCompilesTests.Load([new RandomSchemaFile("Tagged.schema.json", Schema)]), "Tagged"));

    [Fact]
    public void EveryMemberReadIsWrittenBackAndInMemoryValidationAgreesWithTheWire()
    {
        // Member names from a small pool, so that patterns, the declared name and repeats all come up.
        var names = Gen.Int[0, 6].Select(i => new[] { "x-a", "x-b", "x-big-a", "x-big-b", "note", "other", "id" }[i]);
        var values = Gen.OneOf(Gen.Int[-5, 150].Select(i => (JsonNode?)JsonValue.Create(i)), Gen.Int[0, 1].Select(i => (JsonNode?)JsonValue.Create("st"[i].ToString())));
        Gen.Select(names, values).Array[0, 6].Sample(members =>
        {
            var document = new JsonObject { ["id"] = "r1" };
            foreach (var (name, value) in members)
            {
                document[name] = value?.DeepClone();
            }

            var json = Encoding.UTF8.GetBytes(document.ToJsonString());
            var wire = Tagged.Value.Validate(json, null);
            if (!Tagged.Value.TryParse(json, null, out var parsed, out _))
            {
                return !wire.IsValid;
            }

            // Read, validated in memory, and written back: the same members with the same values, in any order.
            var memory = (ValidationResult)parsed!.GetType().GetMethod("Validate", Type.EmptyTypes)!.Invoke(parsed, null)!;
            var written = JsonNode.Parse(JsonSerializer.Serialize(parsed, parsed.GetType()))!.AsObject();
            return wire.IsValid && memory.IsValid
                && written.Count == document.Count
                && document.All(member => JsonNode.DeepEquals(member.Value, written[member.Key]));
        });
    }

    [Fact]
    public void PatternMembersAreTypedAndOthersAreAdditional()
    {
        Assert.True(Tagged.Value.TryParse("""{"id":"r1","x-a":1,"x-big-b":200,"note":"hi"}"""u8.ToArray(), null, out var value, out var result), result.ToString());
        var type = value!.GetType();

        Assert.Equal(typeof(ValueMap<long>), type.GetProperty("PatternMembers")!.PropertyType);
        Assert.Equal(["x-a", "x-big-b"], ((ValueMap<long>)type.GetProperty("PatternMembers")!.GetValue(value)!).Select(p => p.Key));
        Assert.Equal(["note"], ((ValueMap<string>)type.GetProperty("AdditionalMembers")!.GetValue(value)!).Select(p => p.Key));
    }

    [Fact]
    public void EveryPatternAMemberMatchesChecksIt()
    {
        var result = Tagged.Value.Validate("""{"id":"r1","x-big-a":5,"x-b":-1}"""u8.ToArray(), null);

        Assert.Equal(["/x-b minimum", "/x-big-a minimum"], result.Errors.Select(e => e.ToString().Split(':')[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AMemberBuiltInTheWrongMapIsAnErrorInMemory()
    {
        var type = Tagged.Value.Type;
        var value = Activator.CreateInstance(type)!;
        type.GetProperty("Id")!.SetValue(value, "r1");
        type.GetProperty("PatternMembers")!.SetValue(value, new ValueMap<long>([new("size", 3L)]));
        type.GetProperty("AdditionalMembers")!.SetValue(value, new ValueMap<string>([new("x-owner", "ada")]));

        var inMemory = (ValidationResult)type.GetMethod("Validate", Type.EmptyTypes)!.Invoke(value, null)!;

        Assert.Equal(
            ["/size patternProperties", "/x-owner patternProperties"],
            inMemory.Errors.Select(e => e.ToString().Split(':')[0]).Order(StringComparer.Ordinal));
    }
}
