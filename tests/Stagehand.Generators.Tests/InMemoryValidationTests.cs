using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using CsCheck;
using Stagehand.Contracts;
using Stagehand.Generators.Tests.Fuzzing;

namespace Stagehand.Generators.Tests;

/// <summary>
/// A contract whose schema asks more than its C# value shows (<c>dependentRequired</c>, <c>uniqueItems</c>, <c>not</c>,
/// an asserted <c>email</c>) is validated in memory exactly as on the wire: <c>Validate()</c> on a value built in code
/// agrees with validating the JSON it writes.
/// </summary>
public sealed class InMemoryValidationTests
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "x-stagehand-formatAssertion": true,
          "type": "object",
          "properties": {
            "a": { "type": "integer" },
            "b": { "type": "integer" },
            "contact": { "type": "string", "format": "email" },
            "tags": { "type": "array", "items": { "type": "string" }, "uniqueItems": true }
          },
          "dependentRequired": { "a": ["b"] },
          "not": { "required": ["contact", "b"] }
        }
        """;

    private static readonly Lazy<(Type Type, ContractDescriptor Contract)> Order = new(() =>
    {
        var assembly = GeneratedCodeCompilesTests.Load([new RandomSchemaFile("Order.schema.json", Schema)]);
        var contract = GeneratedCodeCompilesTests.Contract(assembly, "Order");
        return (contract.Type, contract);
    });

    [Fact]
    public void KeywordsTheCSharpValueCannotShowAreCheckedInMemory()
    {
        var missingB = Build(1, null, null, null);
        var repeated = Build(null, null, null, ["x", "x"]);
        var notEmail = Build(null, null, "not an address", null);

        Assert.Contains(Validate(missingB).Errors, e => e.ToString().StartsWith("/b dependentRequired", StringComparison.Ordinal));
        Assert.Contains(Validate(repeated).Errors, e => e.ToString().StartsWith("/tags/1 uniqueItems", StringComparison.Ordinal));
        Assert.Contains(Validate(notEmail).Errors, e => e.ToString().StartsWith("/contact format", StringComparison.Ordinal));
        Assert.True(Validate(Build(1, 2, null, ["x", "y"])).IsValid);
    }

    [Fact]
    public void InMemoryValidationAgreesWithTheWire()
    {
        // -1 stands for an absent member.
        var member = Gen.Int[-1, 3];
        var tags = Gen.Int[0, 2].Select(i => "xyz"[i].ToString()).Array[0, 4];
        Gen.Select(member, member, Gen.Int[0, 3], tags, Gen.Bool)
            .Sample((a, b, contact, list, withTags) =>
            {
                var value = Build(a < 0 ? null : a, b < 0 ? null : b, new[] { null, "a@b.io", "nope", "x@y" }[contact], withTags ? list : null);
                var json = JsonSerializer.SerializeToUtf8Bytes(value, Order.Value.Type);
                var wire = Order.Value.Contract.Validate(json, null);
                var memory = Validate(value);
                return wire.IsValid == memory.IsValid
                    && wire.Errors.Select(e => e.ToString()).OrderBy(e => e, StringComparer.Ordinal).SequenceEqual(memory.Errors.Select(e => e.ToString()).OrderBy(e => e, StringComparer.Ordinal));
            });
    }

    [Fact]
    public void AMemberWhoseSchemaIsFalseMustBeAbsent()
    {
        const string schema = """
            { "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
              "properties": { "name": { "type": "string" }, "legacy": false } }
            """;
        var contract = GeneratedCodeCompilesTests.Contract(GeneratedCodeCompilesTests.Load([new RandomSchemaFile("Widget.schema.json", schema)]), "Widget");

        Assert.True(contract.Validate("""{"name":"a"}"""u8.ToArray(), null).IsValid);
        Assert.Contains(contract.Validate("""{"name":"a","legacy":1}"""u8.ToArray(), null).Errors, e => e.ToString().StartsWith("/legacy false", StringComparison.Ordinal));
    }

    [Fact]
    public void AnArrayOfArraysOfItselfIsJsonAndStillValidated()
    {
        const string schema = """
            { "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
              "properties": { "tree": { "$ref": "#/$defs/nested" } },
              "$defs": { "nested": { "type": "array", "items": { "$ref": "#/$defs/nested" } } } }
            """;
        var outcome = GeneratedCodeCompilesTests.Compile([new RandomSchemaFile("Forest.schema.json", schema)]);
        Assert.True(outcome.Problems == 0, string.Join("\n", outcome.ProblemMessages));
        var contract = GeneratedCodeCompilesTests.Contract(GeneratedCodeCompilesTests.Load([new RandomSchemaFile("Forest.schema.json", schema)]), "Forest");

        Assert.Equal(typeof(JsonAny?), contract.Type.GetProperty("Tree")!.PropertyType);
        Assert.True(contract.Validate("""{"tree":[[],[[],[[]]]]}"""u8.ToArray(), null).IsValid);
        Assert.Contains(contract.Validate("""{"tree":[[],[1]]}"""u8.ToArray(), null).Errors, e => e.ToString().StartsWith("/tree/1/0 type", StringComparison.Ordinal));
    }

    private static object Build(int? a, int? b, string? contact, string[]? tags)
    {
        var type = Order.Value.Type;
        var value = Activator.CreateInstance(type)!;
        Set(value, "A", a is null ? null : (long)a.Value);
        Set(value, "B", b is null ? null : (long)b.Value);
        Set(value, "Contact", contact);
        Set(value, "Tags", tags is null ? null : new ValueList<string>(tags));
        return value;
    }

    private static void Set(object target, string name, object? value)
    {
        var property = target.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)!;
        property.SetValue(target, value is long number && Nullable.GetUnderlyingType(property.PropertyType) == typeof(int) ? (int)number : value);
    }

    private static ValidationResult Validate(object value) =>
        (ValidationResult)value.GetType().GetMethod("Validate", Type.EmptyTypes)!.Invoke(value, null)!;
}
