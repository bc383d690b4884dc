using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using Stagehand.Generators.Tests.Fuzzing;
using Stagehand.Schema;
using Stagehand.Schema.Evolution;

namespace Stagehand.Generators.Tests.Evolution;

/// <summary>
/// The catalogue of contract changes: one minimal before/after pair per change kind and direction, with the
/// classification it must get (the kind, and the bump the whole change needs). Every breaking one must also come with a
/// witness document that the generated readers of the two versions really disagree on.
/// </summary>
public sealed class ChangeCatalogueTests
{
    private const string Request = "request";
    private const string Response = "response";
    private const string Both = "both";

    /// <summary>An object contract with these members (JSON text of <c>properties</c>' content), required names and other keywords.</summary>
    private static string Obj(string members, string required = "", string more = "") =>
        "\"type\": \"object\", \"properties\": {" + members + "}"
        + (required.Length > 0 ? ", \"required\": [" + string.Join(",", required.Split(',').Select(r => "\"" + r + "\"")) + "]" : string.Empty)
        + (more.Length > 0 ? ", " + more : string.Empty);

    private const string Name = "\"name\": { \"type\": \"string\" }";

    private static string NameWith(string keywords) => "\"name\": { \"type\": \"string\", " + keywords + " }";

    private static string Count(string keywords) => "\"count\": { \"type\": \"integer\", " + keywords + " }";

    private static string Tags(string keywords) => "\"tags\": { \"type\": \"array\", \"items\": { \"type\": \"string\" }, " + keywords + " }";

    private static string Kind(string values) => "\"kind\": { \"type\": \"string\", \"enum\": [" + values + "] }";

    private const string Strict = "\"additionalProperties\": false";

    public sealed record Row(string Kind, string Direction, string Bump, string Before, string After)
    {
        public override string ToString() => Kind + " (" + Direction + ")";
    }

    public static IEnumerable<Row> Rows()
    {
        // ---- members ----
        yield return new("member-added", Request, "Minor", Obj(Name), Obj(Name + ", \"age\": { \"type\": \"integer\" }"));
        yield return new("member-added", Response, "Minor", Obj(Name), Obj(Name + ", \"age\": { \"type\": \"integer\" }"));
        yield return new("member-added", Response, "Major", Obj(Name, more: Strict), Obj(Name + ", \"age\": { \"type\": \"integer\" }", more: Strict));
        yield return new("required-member-added", Request, "Major", Obj(Name), Obj(Name + ", \"age\": { \"type\": \"integer\" }", "age"));
        yield return new("required-member-added", Response, "Minor", Obj(Name), Obj(Name + ", \"age\": { \"type\": \"integer\" }", "age"));
        yield return new("member-removed", Request, "Minor", Obj(Name + ", \"age\": { \"type\": \"integer\" }"), Obj(Name));
        yield return new("member-removed", Request, "Major", Obj(Name + ", \"age\": { \"type\": \"integer\" }", more: Strict), Obj(Name, more: Strict));
        yield return new("member-removed", Response, "Minor", Obj(Name + ", \"age\": { \"type\": \"integer\" }"), Obj(Name));
        yield return new("required-member-removed", Response, "Major", Obj(Name + ", \"age\": { \"type\": \"integer\" }", "age"), Obj(Name));
        yield return new("required-member-removed", Request, "Minor", Obj(Name + ", \"age\": { \"type\": \"integer\" }", "age"), Obj(Name));
        yield return new("required-member-added", Both, "Major", Obj(Name), Obj(Name + ", \"age\": { \"type\": \"integer\" }", "age"));
        yield return new("required-added", Request, "Major", Obj(Name), Obj(Name, "name"));
        yield return new("required-added", Response, "Patch", Obj(Name), Obj(Name, "name"));
        yield return new("required-removed", Request, "Minor", Obj(Name, "name"), Obj(Name));
        yield return new("required-removed", Response, "Major", Obj(Name, "name"), Obj(Name));
        yield return new("type-widened", Request, "Minor", Obj(Name), Obj("\"name\": { \"type\": [\"string\", \"null\"] }"));
        yield return new("type-widened", Response, "Major", Obj(Name), Obj("\"name\": { \"type\": [\"string\", \"null\"] }"));
        yield return new("type-narrowed", Request, "Major", Obj("\"name\": { \"type\": [\"string\", \"null\"] }"), Obj(Name));
        yield return new("type-narrowed", Response, "Patch", Obj("\"name\": { \"type\": [\"string\", \"null\"] }"), Obj(Name));
        yield return new("readOnly-added", Request, "Major", Obj(Name), Obj(NameWith("\"readOnly\": true")));
        yield return new("readOnly-added", Response, "Patch", Obj(Name), Obj(NameWith("\"readOnly\": true")));
        yield return new("clientOnly-added", Request, "Minor", Obj(Name), Obj(NameWith("\"x-stagehand-clientOnly\": true")));

        // ---- types and constraints ----
        yield return new("type-narrowed", Request, "Major", Obj("\"n\": { \"type\": \"number\" }"), Obj("\"n\": { \"type\": \"integer\" }"));
        yield return new("type-widened", Response, "Major", Obj("\"n\": { \"type\": \"integer\" }"), Obj("\"n\": { \"type\": \"number\" }"));
        yield return new("type-widened", Request, "Minor", Obj("\"n\": { \"type\": \"integer\" }"), Obj("\"n\": { \"type\": \"number\" }"));
        yield return new("type-changed", Both, "Major", Obj("\"n\": { \"type\": \"string\" }"), Obj("\"n\": { \"type\": \"integer\" }"));
        yield return new("format-added", Request, "Major", Obj(Name, more: FormatsAsserted), Obj(NameWith("\"format\": \"email\""), more: FormatsAsserted));
        yield return new("format-added", Response, "Patch", Obj(Name, more: FormatsAsserted), Obj(NameWith("\"format\": \"email\""), more: FormatsAsserted));
        yield return new("format-removed", Response, "Major", Obj(NameWith("\"format\": \"email\""), more: FormatsAsserted), Obj(Name, more: FormatsAsserted));
        yield return new("format-changed", Request, "Major", Obj(NameWith("\"format\": \"email\""), more: FormatsAsserted), Obj(NameWith("\"format\": \"hostname\""), more: FormatsAsserted));
        yield return new("formatAnnotation-added", Request, "Patch", Obj(Name), Obj(NameWith("\"format\": \"email\"")));
        yield return new("format-asserted", Request, "Major", Obj(NameWith("\"format\": \"email\"")), Obj(NameWith("\"format\": \"email\""), more: FormatsAsserted));
        yield return new("format-unasserted", Response, "Major", Obj(NameWith("\"format\": \"email\""), more: FormatsAsserted), Obj(NameWith("\"format\": \"email\"")));
        yield return new("maxLength-lowered", Request, "Major", Obj(NameWith("\"maxLength\": 10")), Obj(NameWith("\"maxLength\": 5")));
        yield return new("maxLength-lowered", Response, "Patch", Obj(NameWith("\"maxLength\": 10")), Obj(NameWith("\"maxLength\": 5")));
        yield return new("maxLength-raised", Request, "Minor", Obj(NameWith("\"maxLength\": 5")), Obj(NameWith("\"maxLength\": 10")));
        yield return new("maxLength-raised", Response, "Major", Obj(NameWith("\"maxLength\": 5")), Obj(NameWith("\"maxLength\": 10")));
        yield return new("maxLength-added", Request, "Major", Obj(Name), Obj(NameWith("\"maxLength\": 5")));
        yield return new("maxLength-removed", Response, "Major", Obj(NameWith("\"maxLength\": 5")), Obj(Name));
        yield return new("minLength-raised", Request, "Major", Obj(NameWith("\"minLength\": 1")), Obj(NameWith("\"minLength\": 3")));
        yield return new("minLength-lowered", Response, "Major", Obj(NameWith("\"minLength\": 3")), Obj(NameWith("\"minLength\": 1")));
        yield return new("minimum-raised", Request, "Major", Obj(Count("\"minimum\": 0")), Obj(Count("\"minimum\": 5")));
        yield return new("minimum-lowered", Request, "Minor", Obj(Count("\"minimum\": 5")), Obj(Count("\"minimum\": 0")));
        yield return new("maximum-lowered", Request, "Major", Obj(Count("\"maximum\": 100")), Obj(Count("\"maximum\": 10")));
        yield return new("maximum-raised", Response, "Major", Obj(Count("\"maximum\": 10")), Obj(Count("\"maximum\": 100")));
        yield return new("exclusiveMaximum-added", Request, "Major", Obj(Count("\"minimum\": 0")), Obj(Count("\"minimum\": 0, \"exclusiveMaximum\": 10")));
        yield return new("exclusiveMinimum-removed", Response, "Major", Obj(Count("\"exclusiveMinimum\": 0")), Obj(Count("\"minimum\": -5")));
        yield return new("multipleOf-narrowed", Request, "Major", Obj(Count("\"multipleOf\": 2")), Obj(Count("\"multipleOf\": 4")));
        yield return new("multipleOf-widened", Response, "Major", Obj(Count("\"multipleOf\": 4")), Obj(Count("\"multipleOf\": 2")));
        yield return new("multipleOf-changed", Both, "Major", Obj(Count("\"multipleOf\": 2")), Obj(Count("\"multipleOf\": 3")));
        yield return new("minItems-raised", Request, "Major", Obj(Tags("\"minItems\": 0")), Obj(Tags("\"minItems\": 2")));
        yield return new("maxItems-lowered", Request, "Major", Obj(Tags("\"maxItems\": 5")), Obj(Tags("\"maxItems\": 2")));
        yield return new("maxItems-raised", Response, "Major", Obj(Tags("\"maxItems\": 2")), Obj(Tags("\"maxItems\": 5")));
        yield return new("uniqueItems-added", Request, "Major", Obj(Tags("\"minItems\": 0")), Obj(Tags("\"uniqueItems\": true")));
        yield return new("uniqueItems-removed", Response, "Major", Obj(Tags("\"uniqueItems\": true")), Obj(Tags("\"minItems\": 0")));
        yield return new("minProperties-added", Request, "Major", Obj(Name), Obj(Name, more: "\"minProperties\": 1"));
        yield return new("maxProperties-raised", Response, "Major", Obj(Name, more: "\"maxProperties\": 1"), Obj(Name, more: "\"maxProperties\": 3"));
        yield return new("pattern-added", Request, "Major", Obj(Name), Obj(NameWith("\"pattern\": \"^(gpt-4o|gpt-4.1)$\"")));
        yield return new("pattern-removed", Response, "Major", Obj(NameWith("\"pattern\": \"^(gpt-4o|gpt-4.1)$\"")), Obj(Name));
        yield return new("pattern-widened", Request, "Minor", Obj(NameWith("\"pattern\": \"^(gpt-4o|gpt-4\\\\.1)$\"")), Obj(NameWith("\"pattern\": \"^(gpt-4o|gpt-4\\\\.1|o3)$\"")));
        yield return new("pattern-widened", Response, "Major", Obj(NameWith("\"pattern\": \"^(gpt-4o|gpt-4\\\\.1)$\"")), Obj(NameWith("\"pattern\": \"^(gpt-4o|gpt-4\\\\.1|o3)$\"")));
        yield return new("pattern-narrowed", Request, "Major", Obj(NameWith("\"pattern\": \"^(gpt-4o|o3)$\"")), Obj(NameWith("\"pattern\": \"^(gpt-4o)$\"")));
        yield return new("pattern-narrowed", Response, "Patch", Obj(NameWith("\"pattern\": \"^gpt-4o$|^o3$\"")), Obj(NameWith("\"pattern\": \"^gpt-4o$\"")));
        yield return new("pattern-changed", Both, "Major", Obj(NameWith("\"pattern\": \"^[a-z]+$\"")), Obj(NameWith("\"pattern\": \"^[a-z0-9]+$\"")));

        // ---- values ----
        yield return new("enum-widened", Request, "Minor", Obj(Kind("\"a\",\"b\"")), Obj(Kind("\"a\",\"b\",\"c\"")));
        yield return new("enum-widened", Response, "Major", Obj(Kind("\"a\",\"b\"")), Obj(Kind("\"a\",\"b\",\"c\"")));
        yield return new("enum-narrowed", Request, "Major", Obj(Kind("\"a\",\"b\"")), Obj(Kind("\"a\"")));
        yield return new("enum-narrowed", Response, "Patch", Obj(Kind("\"a\",\"b\"")), Obj(Kind("\"a\"")));
        yield return new("enum-changed", Both, "Major", Obj(Kind("\"a\",\"b\"")), Obj(Kind("\"a\",\"c\"")));
        yield return new("enum-added", Request, "Major", Obj(Name), Obj(NameWith("\"enum\": [\"x\", \"y\"]")));
        yield return new("const-changed", Both, "Major", Obj("\"v\": { \"const\": \"v1\" }"), Obj("\"v\": { \"const\": \"v2\" }"));
        yield return new("const-added", Request, "Major", Obj("\"v\": { \"type\": \"string\" }"), Obj("\"v\": { \"type\": \"string\", \"const\": \"v1\" }"));
        yield return new("default-changed", Request, "Minor", Obj(Count("\"default\": 1")), Obj(Count("\"default\": 2")));
        yield return new("default-added", Response, "Minor", Obj(Count("\"minimum\": 0")), Obj(Count("\"minimum\": 0, \"default\": 2")));

        // ---- structure ----
        yield return new("additionalProperties-loosened", Request, "Minor", Obj(Name, more: Strict), Obj(Name));
        yield return new("additionalProperties-loosened", Response, "Major", Obj(Name, more: Strict), Obj(Name));
        yield return new("additionalProperties-tightened", Request, "Major", Obj(Name), Obj(Name, more: Strict));
        yield return new("additionalProperties-tightened", Response, "Patch", Obj(Name), Obj(Name, more: Strict));
        yield return new("additionalProperties-loosened", Response, "Major", Obj(Name, more: Strict), Obj(Name, more: "\"additionalProperties\": { \"type\": \"integer\" }"));
        yield return new("additionalProperties-tightened", Request, "Major", Obj(Name, more: "\"additionalProperties\": { \"type\": \"integer\" }"), Obj(Name, more: Strict));
        yield return new("unknownMembers-changed", Request, "Patch", Obj(Name, more: "\"x-stagehand-unknownMembers\": \"drop\""), Obj(Name, more: "\"x-stagehand-unknownMembers\": \"keep\""));
        yield return new("case-added", Request, "Minor", Union(StringCase, NumberCase), Union(StringCase, NumberCase, BooleanCase));
        yield return new("case-added", Response, "Major", Union(StringCase, NumberCase), Union(StringCase, NumberCase, BooleanCase));
        yield return new("case-removed", Request, "Major", Union(StringCase, NumberCase, BooleanCase), Union(StringCase, NumberCase));
        yield return new("case-removed", Response, "Patch", Union(StringCase, NumberCase, BooleanCase), Union(StringCase, NumberCase));
        yield return new("case-removed", Both, "Major", Tagged("\"adopted\"", "\"returned\""), Tagged("\"adopted\"", "\"given-back\""));
        yield return new("case-added", Both, "Major", Tagged("\"adopted\"", "\"returned\""), Tagged("\"adopted\"", "\"given-back\""));
        yield return new("caseOrder-changed", Both, "Minor", Union(StringCase, NumberCase), Union(NumberCase, StringCase));
        yield return new("caseOrder-changed", Both, "Patch", "\"oneOf\": [" + StringCase + "," + NumberCase + "]", "\"oneOf\": [" + NumberCase + "," + StringCase + "]");
        yield return new("caseOrder-changed", Both, "Patch", "\"anyOf\": [" + TaggedCases("\"adopted\"", "\"returned\"") + "]", "\"anyOf\": [" + TaggedCases("\"returned\"", "\"adopted\"") + "]");
        yield return new("serverAssigned-added", Request, "Patch", Obj(Name, more: Strict), Obj(Name, more: Strict + ", \"x-stagehand-serverAssigned\": [\"projectId\"]"));
        yield return new("resourceReadOnly-added", Request, "Major",
            Obj(Name, more: "\"x-stagehand-requestFor\": \"#/$defs/Pet\", \"$defs\": { \"Pet\": { " + Obj(Name) + " } }"),
            Obj(Name, more: "\"x-stagehand-requestFor\": \"#/$defs/Pet\", \"$defs\": { \"Pet\": { " + Obj(NameWith("\"readOnly\": true")) + " } }"));
        yield return new("contract-renamed", Both, "Patch", Obj(Name, more: "\"title\": \"Pet\""), Obj(Name, more: "\"title\": \"Animal\""));
        yield return new("union-changed", Request, "Major", "\"anyOf\": [" + StringCase + "," + NumberCase + "]", "\"oneOf\": [" + StringCase + "," + NumberCase + "]");
        yield return new("ref-changed", Both, "Major", Defs("\"pet\": { \"$ref\": \"#/$defs/Cat\" }"), Defs("\"pet\": { \"$ref\": \"#/$defs/Dog\" }"));
        yield return new("type-narrowed", Request, "Major", Defs("\"pet\": { \"$ref\": \"#/$defs/Cat\" }", cat: "\"type\": [\"string\", \"null\"]"), Defs("\"pet\": { \"$ref\": \"#/$defs/Cat\" }"));
        yield return new("contract-removed", Request, "Major", Defs("\"pet\": { \"$ref\": \"#/$defs/Cat\" }"), Obj("\"pet\": { \"type\": \"object\" }"));
        yield return new("contract-added", Request, "Minor", Obj(Name), Obj(Name, more: "\"$defs\": { \"Extra\": { \"type\": \"string\" } }"));
        yield return new("visibility-changed", Both, "Major", Obj(Name), Obj(Name, more: "\"x-stagehand-visibility\": \"internal\""));
        yield return new("visibility-changed", Both, "Minor", Obj(Name, more: "\"x-stagehand-visibility\": \"internal\""), Obj(Name));
        yield return new("description-changed", Both, "Patch", Obj("\"name\": { \"type\": \"string\", \"description\": \"The name.\" }"), Obj("\"name\": { \"type\": \"string\", \"description\": \"The pet's name.\" }"));
        yield return new("deprecated-added", Both, "Patch", Obj(Name), Obj(NameWith("\"deprecated\": true")));
        yield return new("title-changed", Both, "Patch", Obj(NameWith("\"title\": \"Name\"")), Obj(NameWith("\"title\": \"Pet name\"")));
        yield return new("type-narrowed", Request, "Major", Obj("\"tags\": { \"type\": \"array\", \"items\": { \"type\": [\"string\", \"integer\"] } }"), Obj(Tags("\"minItems\": 0")));
        yield return new("items-added", Request, "Major", Obj("\"tags\": { \"type\": \"array\" }"), Obj(Tags("\"minItems\": 0")));
        yield return new("items-removed", Response, "Major", Obj(Tags("\"minItems\": 0")), Obj("\"tags\": { \"type\": \"array\" }"));
        yield return new("item-added", Request, "Major", Obj("\"pair\": { \"type\": \"array\" }"), Obj("\"pair\": { \"type\": \"array\", \"prefixItems\": [{ \"type\": \"string\" }] }"));
        yield return new("applies-added", Both, "Major", Obj(Name), Obj(NameWith("\"not\": { \"const\": \"root\" }")));
        yield return new("dependentRequired-added", Request, "Major", Obj(Name + ", \"age\": { \"type\": \"integer\" }"), Obj(Name + ", \"age\": { \"type\": \"integer\" }", more: "\"dependentRequired\": { \"name\": [\"age\"] }"));
        yield return new("patternMember-added", Request, "Major", Obj(Name), Obj(Name, more: "\"patternProperties\": { \"^x-\": { \"type\": \"string\" } }"));
        yield return new("serverAssigned-added", Request, "Major", Obj(Name + ", \"projectId\": { \"type\": \"string\" }"), Obj(Name + ", \"projectId\": { \"type\": \"string\" }", more: "\"x-stagehand-serverAssigned\": [\"projectId\"]"));
    }

    private const string FormatsAsserted = "\"x-stagehand-formatAssertion\": true";

    private const string StringCase = "{ \"type\": \"string\" }";

    private const string NumberCase = "{ \"type\": \"number\" }";

    private const string BooleanCase = "{ \"type\": \"boolean\" }";

    private static string Union(params string[] cases) => "\"anyOf\": [" + string.Join(",", cases) + "]";

    /// <summary>A union of two objects told apart by a <c>type</c> const.</summary>
    private static string Tagged(string first, string second) => "\"oneOf\": [" + TaggedCases(first, second) + "]";

    private static string TaggedCases(string first, string second) =>
        string.Join(",", new[] { first, second }.Select(tag => "{ \"type\": \"object\", \"required\": [\"type\"], \"properties\": { \"type\": { \"const\": " + tag + " } } }"));

    /// <summary>An object whose members refer to definitions <c>Cat</c> and <c>Dog</c> in the same file.</summary>
    private static string Defs(string members, string cat = "\"type\": \"string\"") =>
        Obj(members, more: "\"$defs\": { \"Cat\": { " + cat + " }, \"Dog\": { \"type\": \"integer\" } }");

    public static TheoryData<Row> Catalogue()
    {
        var data = new TheoryData<Row>();
        foreach (var row in Rows())
        {
            data.Add(row);
        }

        return data;
    }

    [Fact]
    public void TheCatalogueCoversAtLeastSixtyChanges()
    {
        Assert.True(Rows().Count() >= 60, Rows().Count() + " rows");
        Assert.True(Rows().Select(r => r.Kind).Distinct().Count() >= 45, Rows().Select(r => r.Kind).Distinct().Count() + " kinds");
    }

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void EachChangeIsClassifiedForItsDirection(Row row)
    {
        var changes = Diff(row);

        Assert.Contains(changes, c => c.Kind == row.Kind);
        Assert.True(
            ContractDiff.RequiredBump(changes).ToString() == row.Bump,
            $"expected {row.Bump}, got:\n" + string.Join("\n", changes.Select(c => $"{c.Kind} {c.Direction} {c.Bump}: {c.Message}")));
        Assert.All(changes, c => Assert.Equal(row.Direction, ContractDirections.Name(c.Direction)));
    }

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void EachBreakingChangeComesWithADocumentTheTwoVersionsDisagreeOn(Row row)
    {
        // Not on the wire: a contract that is gone or no longer public, a member the server assigns (refused only where
        // a request is written for a resource). Each of those is said in words.
        var breaking = Diff(row).Where(c => c.IsBreaking && !c.IsUnproven && c.Aspect is not (FactAspects.Visibility or FactAspects.ReadOnly or FactAspects.ServerAssigned or FactAspects.ResourceReadOnly or FactAspects.Contract)).ToList();
        if (breaking.Count == 0)
        {
            return;
        }

        var (before, after) = Compile(row);
        foreach (var change in breaking)
        {
            Assert.True(change.Witness is not null, change.Kind + ": no witness for a breaking change");
            var requestSide = change.Direction == ContractDirection.Request
                || (change.Direction == ContractDirection.Both && ChangeRules.Bump(change.Effect, ContractDirection.Request) == VersionBump.Major);
            var (accepting, refusing) = requestSide ? (before, after) : (after, before);
            var json = Encoding.UTF8.GetBytes(change.Witness!);
            var accepted = accepting(json);
            var refused = refusing(json);
            Assert.True(accepted.IsValid, $"{change.Kind}: the witness {change.Witness} should be valid for the side that accepts it: {accepted}");
            Assert.False(refused.IsValid, $"{change.Kind}: the witness {change.Witness} should be refused by the other side");
        }
    }

    [Fact]
    public void APatternOfLiteralsSaysWhichStringsItGainedAndLost()
    {
        var change = Assert.Single(Diff(new Row("pattern-changed", Request, "Major",
            Obj(NameWith("\"pattern\": \"^(gpt-4o|o3)$\"")),
            Obj(NameWith("\"pattern\": \"^(gpt-4o|o4-mini)$\"")))));

        Assert.Contains("the pattern now also admits \"o4-mini\" and no longer \"o3\"", change.Message, StringComparison.Ordinal);
        Assert.Equal("{\"name\":\"o3\"}", change.Witness);
    }

    /// <summary>docs/evolution.md's table gives each catalogued kind the bump the catalogue checks, in its direction's column.</summary>
    [Fact]
    public void TheDocumentedTableAgreesWithTheCatalogue()
    {
        var page = System.IO.File.ReadAllLines(System.IO.Path.Combine(TestRepository.Root, "docs", "evolution.md"));
        var table = page.Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .SelectMany(cells => System.Text.RegularExpressions.Regex.Matches(cells[1], "`([a-zA-Z-]+)`").Select(m => (Kind: m.Groups[1].Value, Request: cells[2], Response: cells[3])))
            .ToList();
        foreach (var row in Rows().Where(r => r.Direction is Request or Response))
        {
            var documented = table.Where(t => t.Kind == row.Kind).ToList();
            Assert.True(documented.Count > 0, row.Kind + " is not in docs/evolution.md's table");
            var cell = row.Direction == Request ? documented[0].Request : documented[0].Response;
            Assert.True(cell.Contains(row.Bump.ToLowerInvariant(), StringComparison.Ordinal), $"{row}: the table says '{cell}', the catalogue {row.Bump}");
        }
    }

    internal static IReadOnlyList<ContractChange> Diff(Row row) =>
        ContractDiff.Compare(Facts(row.Direction, row.Before), Facts(row.Direction, row.After));

    internal static IReadOnlyList<ContractFact> Facts(string direction, string body) =>
        ContractFacts.Extract([SchemaReader.Read("/catalogue/Thing.schema.json", "Catalogue", SourceText.From(Schema(direction, body)))]);

    private static string Schema(string direction, string body) =>
        "{ \"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"x-stagehand-direction\": \"" + direction + "\", " + body + " }";

    /// <summary>The generated validation of the two versions, compiled together.</summary>
    private static (Func<byte[], Stagehand.Contracts.ValidationResult> Before, Func<byte[], Stagehand.Contracts.ValidationResult> After) Compile(Row row)
    {
        var assembly = GeneratedCodeCompilesTests.Load(
        [
            new RandomSchemaFile("Before.schema.json", Schema(row.Direction, row.Before)),
            new RandomSchemaFile("After.schema.json", Schema(row.Direction, row.After)),
        ]);
        var before = GeneratedCodeCompilesTests.Contract(assembly, "Before");
        var after = GeneratedCodeCompilesTests.Contract(assembly, "After");
        return (json => before.Validate(json, null), json => after.Validate(json, null));
    }
}
