using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Stagehand.Contracts;
using Stagehand.Generators.Tests.Fuzzing;
using Stagehand.Generators.Tests.Infrastructure;

namespace Stagehand.Generators.Tests;

/// <summary>
/// One construct per test: a tiny schema run through the generator, the code generated for that schema snapshotted on
/// its own (<c>Snapshots/ScenarioSnapshotTests.&lt;Construct&gt;#&lt;Stem&gt;.g.verified.cs</c>, short enough to read; the
/// registry only where the scenario is about it), then that code compiled, warning-free, and run on a valid and an
/// invalid document. The project-wide snapshot (<see cref="SnapshotTests"/>) shows everything at once; these show one
/// thing each.
/// </summary>
public sealed class ScenarioSnapshotTests
{
    private const string Draft = "\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"";

    // ---- C# shapes (contract mode) ----

    [Fact]
    public void NullableUnion()
    {
        // The cases live in files of their own, so that this file's snapshot shows the union alone.
        var scenario = Contract("Owner", $$"""
            {
              {{Draft}},
              "type": "object",
              "required": ["pet"],
              "properties": {
                "pet": { "anyOf": [{ "$ref": "Cat.schema.json" }, { "$ref": "Dog.schema.json" }, { "type": "null" }] }
              }
            }
            """,
            others: [Case("Cat", "meows"), Case("Dog", "barks")]);

        scenario.RoundTrips("""{"pet":{"meows":true}}""");
        scenario.RoundTrips("""{"pet":null}""");
        scenario.Invalid("""{"pet":3}""", "/pet", "anyOf");
    }

    [Fact]
    public void OptionalMember()
    {
        var scenario = Contract("Profile", $$"""
            {
              {{Draft}},
              "type": "object",
              "required": ["name"],
              "properties": {
                "name": { "type": "string" },
                "nickname": { "type": ["string", "null"] }
              }
            }
            """);

        // Absent and null stay apart, both ways.
        scenario.RoundTrips("""{"name":"Ada"}""");
        scenario.RoundTrips("""{"name":"Ada","nickname":null}""");
        scenario.RoundTrips("""{"name":"Ada","nickname":"A"}""");
        scenario.Invalid("""{"name":"Ada","nickname":1}""", "/nickname", "type");
    }

    [Fact]
    public void KeptUnknownMembers()
    {
        var scenario = Contract("Envelope", $$"""
            {
              {{Draft}},
              "type": "object",
              "x-stagehand-unknownMembers": "keep",
              "required": ["id"],
              "properties": { "id": { "type": "string" } }
            }
            """);

        scenario.RoundTrips("""{"id":"a","extra":[1,{"b":null}],"more":"x"}""");
        scenario.Invalid("""{"extra":1}""", "/id", "required");
    }

    [Fact]
    public void TypedAdditionalMembers()
    {
        var scenario = Contract("Counters", $$"""
            {
              {{Draft}},
              "type": "object",
              "required": ["name"],
              "properties": { "name": { "type": "string" } },
              "additionalProperties": { "type": "integer", "minimum": 0 }
            }
            """);

        scenario.RoundTrips("""{"name":"clicks","a":1,"b":22}""");
        scenario.Invalid("""{"name":"clicks","a":-1}""", "/a", "minimum");
    }

    [Fact]
    public void NumericEnum()
    {
        var scenario = Contract("Ticket", $$"""
            {
              {{Draft}},
              "type": "object",
              "required": ["priority"],
              "properties": {
                "priority": { "type": "integer", "enum": [1, 2, 5], "x-stagehand-enumNames": ["Low", "Medium", "High"] }
              }
            }
            """);

        scenario.RoundTrips("""{"priority":5}""");
        scenario.Invalid("""{"priority":3}""", "/priority", "enum");
    }

    [Fact]
    public void OpenApiDiscriminator()
    {
        var scenario = Contract("Shape", $$"""
            {
              {{Draft}},
              "oneOf": [{ "$ref": "Circle.schema.json" }, { "$ref": "Square.schema.json" }],
              "discriminator": { "propertyName": "kind", "mapping": { "circle": "Circle.schema.json", "square": "Square.schema.json" } }
            }
            """,
            others: [Case("Circle", "kind", "circle"), Case("Square", "kind", "square")]);

        scenario.RoundTrips("""{"kind":"square"}""");
        // The case is chosen by "kind" alone, so an unknown kind is reported there.
        scenario.Invalid("""{"kind":"triangle"}""", "/kind", "discriminator");
    }

    [Fact]
    public void ConstDiscriminator()
    {
        // No discriminator keyword: "method", required with a const (or a one-value enum) in every case, tells them apart.
        var scenario = Contract("Message", $$"""
            {
              {{Draft}},
              "oneOf": [{ "$ref": "Start.schema.json" }, { "$ref": "Stop.schema.json" }]
            }
            """,
            others:
            [
                Case("Start", "method", "session.start"),
                ("Stop.schema.json", $$"""{ {{Draft}}, "type": "object", "required": ["method"], "properties": { "method": { "enum": ["session.stop"] } } }"""),
            ]);

        scenario.RoundTrips("""{"method":"session.stop"}""");
        scenario.Invalid("""{"method":"session.pause"}""", "/method", "discriminator");
    }

    [Fact]
    public void FormatAssertion()
    {
        var scenario = Contract("Contact", $$"""
            {
              {{Draft}},
              "x-stagehand-formatAssertion": true,
              "type": "object",
              "required": ["email"],
              "properties": { "email": { "type": "string", "format": "email" } }
            }
            """);

        scenario.Valid("""{"email":"ada@example.org"}""");
        scenario.Invalid("""{"email":"ada@@example"}""", "/email", "format");
    }

    // ---- validation keywords ----

    [Fact]
    public void Not()
    {
        var scenario = Contract("Comment", $$"""
            {
              {{Draft}},
              "type": "object",
              "required": ["text"],
              "properties": { "text": { "type": "string", "not": { "const": "" } } }
            }
            """);

        scenario.Valid("""{"text":"hi"}""");
        scenario.Invalid("""{"text":""}""", "/text", "not");
    }

    [Fact]
    public void IfThenElse()
    {
        var scenario = Validator("Address", $$"""
            {
              {{Draft}},
              "type": "object",
              "if": { "required": ["country"], "properties": { "country": { "const": "NL" } } },
              "then": { "required": ["postcode"] },
              "else": { "maxProperties": 1 }
            }
            """);

        scenario.Valid("""{"country":"NL","postcode":"1234AB"}""");
        scenario.Valid("""{"country":"DE"}""");
        scenario.Invalid("""{"country":"NL"}""", "/postcode", "required");
        scenario.Invalid("""{"country":"DE","postcode":"10115"}""", "/", "maxProperties");
    }

    [Fact]
    public void DependentRequired()
    {
        var scenario = Contract("Payment", $$"""
            {
              {{Draft}},
              "type": "object",
              "properties": { "card": { "type": "string" }, "expiry": { "type": "string" } },
              "dependentRequired": { "card": ["expiry"] }
            }
            """);

        scenario.Valid("""{"card":"4111","expiry":"12/30"}""");
        scenario.Valid("""{"expiry":"12/30"}""");
        scenario.Invalid("""{"card":"4111"}""", "/expiry", "dependentRequired");
    }

    [Fact]
    public void DependentSchemas()
    {
        var scenario = Contract("Payment", $$"""
            {
              {{Draft}},
              "type": "object",
              "properties": { "card": { "type": "string" }, "expiry": { "type": "string" } },
              "dependentSchemas": { "card": { "required": ["expiry"], "properties": { "expiry": { "minLength": 5 } } } }
            }
            """);

        scenario.Valid("""{"card":"4111","expiry":"12/30"}""");
        scenario.Valid("""{"expiry":"soon"}""");
        scenario.Invalid("""{"card":"4111","expiry":"soon"}""", "/expiry", "minLength");
    }

    [Fact]
    public void PrefixItems()
    {
        var scenario = Validator("Point", $$"""
            {
              {{Draft}},
              "type": "array",
              "prefixItems": [{ "type": "number" }, { "type": "number" }],
              "items": { "type": "string" }
            }
            """);

        scenario.Valid("""[1, 2, "label"]""");
        scenario.Invalid("""[1, "2"]""", "/1", "type");
        scenario.Invalid("""[1, 2, 3]""", "/2", "type");
    }

    [Fact]
    public void ContainsWithMinAndMaxContains()
    {
        var scenario = Validator("Team", $$"""
            {
              {{Draft}},
              "type": "array",
              "contains": { "const": "lead" },
              "minContains": 2,
              "maxContains": 3
            }
            """);

        scenario.Valid("""["lead", "dev", "lead"]""");
        scenario.Invalid("""["lead", "dev"]""", "/", "minContains");
        scenario.Invalid("""["lead", "lead", "lead", "lead"]""", "/", "maxContains");
    }

    [Fact]
    public void UniqueItems()
    {
        var scenario = Contract("Tagged", $$"""
            {
              {{Draft}},
              "type": "object",
              "properties": { "tags": { "type": "array", "items": { "type": "string" }, "uniqueItems": true } }
            }
            """);

        scenario.Valid("""{"tags":["a","b"]}""");
        scenario.Invalid("""{"tags":["a","b","a"]}""", "/tags/2", "uniqueItems");
    }

    [Fact]
    public void PatternProperties()
    {
        var scenario = Validator("Headers", $$"""
            {
              {{Draft}},
              "type": "object",
              "patternProperties": { "^x-": { "type": "string" } },
              "additionalProperties": false
            }
            """);

        scenario.Valid("""{"x-trace":"abc"}""");
        scenario.Invalid("""{"x-trace":1}""", "/x-trace", "type");
        scenario.Invalid("""{"trace":"abc"}""", "/trace", "additionalProperties");
    }

    [Fact]
    public void PatternMembers()
    {
        // Declared members, then members named by a pattern (a typed map: both patterns read a string), then the rest.
        var scenario = Contract("Resource", $$"""
            {
              {{Draft}},
              "type": "object",
              "required": ["id"],
              "properties": { "id": { "type": "string" } },
              "patternProperties": { "^x-": { "type": "string" }, "^x-trace-": { "type": "string", "maxLength": 8 } },
              "additionalProperties": { "type": "integer" }
            }
            """);

        scenario.RoundTrips("""{"id":"r1","x-owner":"ada","x-trace-id":"abc","size":3}""");
        scenario.Invalid("""{"id":"r1","x-trace-id":"far-too-long"}""", "/x-trace-id", "maxLength");
        scenario.Invalid("""{"id":"r1","x-owner":1}""", "/x-owner", "type");
        scenario.Invalid("""{"id":"r1","size":"3"}""", "/size", "type");
    }

    [Fact]
    public void PatternMembersOfSeveralTypes()
    {
        // The patterns read different types, so the map holds JSON values, each still checked by its pattern.
        var scenario = Contract("Metrics", $$"""
            {
              {{Draft}},
              "type": "object",
              "patternProperties": { "^n_": { "type": "number" }, "^s_": { "type": "string" } },
              "additionalProperties": false
            }
            """);

        scenario.RoundTrips("""{"n_cpu":0.5,"s_host":"a"}""");
        scenario.Invalid("""{"n_cpu":"high"}""", "/n_cpu", "type");
        scenario.Invalid("""{"cpu":1}""", "/cpu", "additionalProperties");
    }

    [Fact]
    public void Tuple()
    {
        // A fixed count of items, each with its own schema, is a C# value tuple: positions past minItems are optional (null
        // when the array ends before them); a position whose schema admits null holds null.
        var scenario = Contract("Waypoint", $$"""
            {
              {{Draft}},
              "type": "object",
              "required": ["at", "tag"],
              "properties": {
                "at": { "type": "array", "prefixItems": [{ "type": "number" }, { "type": "number" }, { "type": "string" }], "items": false, "minItems": 2 },
                "tag": { "type": "array", "prefixItems": [{ "type": "string" }, { "type": ["integer", "null"] }], "minItems": 2, "maxItems": 2 }
              }
            }
            """);

        scenario.RoundTrips("""{"at":[1.5,2],"tag":["a",null]}""");
        scenario.RoundTrips("""{"at":[1.5,2,"home"],"tag":["a",3]}""");
        scenario.Invalid("""{"at":[1.5],"tag":["a",3]}""", "/at", "minItems");
        scenario.Invalid("""{"at":[1.5,2,"home",4],"tag":["a",3]}""", "/at/3", "false");
        scenario.Invalid("""{"at":[1.5,"2"],"tag":["a",3]}""", "/at/1", "type");
    }

    [Fact]
    public void MinAndMaxProperties()
    {
        var scenario = Validator("Labels", $$"""
            {
              {{Draft}},
              "type": "object",
              "minProperties": 1,
              "maxProperties": 2
            }
            """);

        scenario.Valid("""{"a":1}""");
        scenario.Invalid("""{}""", "/", "minProperties");
        scenario.Invalid("""{"a":1,"b":2,"c":3}""", "/", "maxProperties");
    }

    [Fact]
    public void PropertyNames()
    {
        var scenario = Validator("Registry", $$"""
            {
              {{Draft}},
              "type": "object",
              "propertyNames": { "pattern": "^[a-z]+$", "maxLength": 8 }
            }
            """);

        scenario.Valid("""{"alpha":1}""");
        scenario.Invalid("""{"Alpha":1}""", "/Alpha", "pattern");
    }

    [Fact]
    public void UnevaluatedProperties()
    {
        var scenario = Validator("Base", $$"""
            {
              {{Draft}},
              "type": "object",
              "properties": { "id": { "type": "string" } },
              "allOf": [{ "properties": { "name": { "type": "string" } } }],
              "unevaluatedProperties": false
            }
            """);

        scenario.Valid("""{"id":"1","name":"a"}""");
        scenario.Invalid("""{"id":"1","other":true}""", "/other", "unevaluatedProperties");
    }

    [Fact]
    public void UnevaluatedItems()
    {
        var scenario = Validator("Row", $$"""
            {
              {{Draft}},
              "type": "array",
              "prefixItems": [{ "type": "string" }],
              "anyOf": [{ "prefixItems": [true, { "type": "number" }] }, true],
              "unevaluatedItems": false
            }
            """);

        scenario.Valid("""["a", 1]""");
        scenario.Invalid("""["a", 1, 2]""", "/2", "unevaluatedItems");
    }

    [Fact]
    public void DynamicRefAndDynamicAnchor()
    {
        var scenario = Validator("StrictTree", $$"""
            {
              {{Draft}},
              "$id": "https://example.org/strict-tree",
              "$dynamicAnchor": "node",
              "$ref": "tree",
              "unevaluatedProperties": false,
              "$defs": {
                "tree": {
                  "$id": "tree",
                  "$dynamicAnchor": "node",
                  "type": "object",
                  "properties": { "children": { "type": "array", "items": { "$dynamicRef": "#node" } } }
                }
              }
            }
            """);

        scenario.Valid("""{"children":[{"children":[]}]}""");
        // The nested node is read with the outermost "node" anchor, the strict one, so its typo is an error.
        scenario.Invalid("""{"children":[{"childrne":[]}]}""", "/children/0/childrne", "unevaluatedProperties");
    }

    [Fact]
    public void AnchorAndEmbeddedId()
    {
        var scenario = Validator("Order", $$"""
            {
              {{Draft}},
              "$id": "https://example.org/order",
              "type": "object",
              "properties": { "total": { "$ref": "#amount" }, "currency": { "$ref": "money#/$defs/code" } },
              "$defs": {
                "amount": { "$anchor": "amount", "type": "number", "minimum": 0 },
                "money": {
                  "$id": "money",
                  "$defs": { "code": { "type": "string", "pattern": "^[A-Z]{3}$" } }
                }
              }
            }
            """);

        scenario.Valid("""{"total":10,"currency":"EUR"}""");
        scenario.Invalid("""{"total":-1,"currency":"EUR"}""", "/total", "minimum");
        scenario.Invalid("""{"total":1,"currency":"eur"}""", "/currency", "pattern");
    }

    // ---- the harness ----

    /// <summary>
    /// A contract-mode schema (its stem is also its root type's name): checked, snapshotted, compiled, loaded. Other files
    /// it refers to are generated and compiled with it but not snapshotted.
    /// </summary>
    private static Scenario Contract(string stem, string schema, (string Path, string Text)[]? others = null, string[]? expectedDiagnostics = null, [CallerMemberName] string test = "") =>
        Generate(test, stem, schema, others ?? [], new Dictionary<string, string>(), stem, expectedDiagnostics);

    /// <summary>A validator-mode schema: only its <c>&lt;Stem&gt;Schema</c> class, whose <c>Validate</c> is run.</summary>
    private static Scenario Validator(string stem, string schema, string[]? expectedDiagnostics = null, [CallerMemberName] string test = "") =>
        Generate(test, stem, schema, [], GeneratorHarness.ValidatorMode, stem + "Schema", expectedDiagnostics);

    /// <summary>A union case in a file of its own: an object that requires one member, a const (<c>true</c> unless given).</summary>
    private static (string Path, string Text) Case(string stem, string member, string? value = null) =>
        (stem + ".schema.json", $$"""{ {{Draft}}, "type": "object", "required": ["{{member}}"], "properties": { "{{member}}": { "const": {{(value is null ? "true" : "\"" + value + "\"")}} } } }""");

    private static Scenario Generate(string test, string stem, string schema, (string Path, string Text)[] others, IReadOnlyDictionary<string, string> metadata, string validating, string[]? expectedDiagnostics)
    {
        var result = GeneratorHarness.RunInline(metadata, [(stem + ".schema.json", schema), .. others]);

        Assert.Equal(
            expectedDiagnostics ?? [],
            result.Diagnostics.Select(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(d => d, System.StringComparer.Ordinal));
        var own = result.GeneratedSources.Where(s => s.HintName == stem + ".g.cs" || s.HintName == stem + ".Reader.g.cs").ToList();
        Assert.NotEmpty(own);
        Snapshot.VerifySources(nameof(ScenarioSnapshotTests), test, own);

        var probe = $$"""
            namespace {{GeneratorHarness.InlineNamespace}}.Probes;

            /// <summary>Calls the generated validation with a byte array, which reflection can pass.</summary>
            public static class Probe
            {
                /// <summary>Validates a document.</summary>
                /// <param name="json">UTF-8 JSON.</param>
                /// <returns>Every violation.</returns>
                public static global::Stagehand.Contracts.ValidationResult Validate(byte[] json) =>
                    global::{{GeneratorHarness.InlineNamespace}}.{{validating}}.Validate(json);
            }
            """;
        var assembly = GeneratorHarness.CompileAndLoad(result, probe);
        return new Scenario(assembly, stem, metadata.Count == 0);
    }

    private sealed class Scenario(System.Reflection.Assembly assembly, string name, bool contract)
    {
        public ValidationResult Validate(string json) =>
            (ValidationResult)assembly.GetType(GeneratorHarness.InlineNamespace + ".Probes.Probe")!
                .GetMethod("Validate")!
                .Invoke(null, [Encoding.UTF8.GetBytes(json)])!;

        public void Valid(string json)
        {
            var result = Validate(json);
            Assert.True(result.IsValid, json + " should be valid: " + result);
        }

        public void Invalid(string json, string pointer, string keyword)
        {
            var result = Validate(json);
            Assert.False(result.IsValid, json + " should be invalid");
            Assert.True(
                result.Errors.Any(e => (e.Pointer.Length == 0 ? "/" : e.Pointer) == pointer && e.Keyword == keyword),
                $"{json} should fail {keyword} at {pointer}, got:\n{result}");
        }

        /// <summary>The document is valid, is read into the contract, passes in-memory validation, and is written back as it was.</summary>
        public void RoundTrips(string json)
        {
            Assert.True(contract, "only a contract reads into a C# value");
            Valid(json);
            var descriptor = GeneratedCodeCompilesTests.Contract(assembly, name, GeneratorHarness.InlineNamespace);
            Assert.True(descriptor.TryParse(Encoding.UTF8.GetBytes(json), null, out var value, out var result), result.ToString());
            var inMemory = (ValidationResult)value!.GetType().GetMethod("Validate", System.Type.EmptyTypes)!.Invoke(value, null)!;
            Assert.True(inMemory.IsValid, "in memory: " + inMemory);
            Assert.Equal(json, JsonSerializer.Serialize(value, value.GetType()));
        }
    }
}
