using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using Stagehand.Schema;
using Stagehand.Schema.Evolution;

namespace Stagehand.Generators.Tests.Evolution;

/// <summary>A baseline is one fact per line, reads back as it was written, and a set compared with its own baseline has no change.</summary>
public sealed class BaselineTests
{
    [UpstreamFact]
    public void TheVendorProtocolRoundTripsThroughItsBaseline()
    {
        // 234 definitions, snake_case names, a JSON-object default spread over many lines.
        var path = Path.Combine(TestRepository.Upstream, "stagehand.v4.json");
        var facts = ContractFacts.Extract([SchemaReader.Read("/vendor/stagehand.v4.schema.json", "Vendor", SourceText.From(File.ReadAllText(path)))]);

        Assert.True(facts.Count > 1000, facts.Count + " facts");
        Assert.All(facts, fact => Assert.DoesNotContain('\n', fact.Line));
        var baseline = ContractBaseline.Parse(ContractBaseline.Write(new ContractVersion(4, 0, 0), facts, []));
        Assert.Empty(baseline.Problems);
        Assert.Equal(facts.Select(f => f.Line), baseline.Facts.Select(f => f.Line));
        Assert.Empty(baseline.Compare(facts).Changes);
    }

    [Fact]
    public void TheProjectsOwnSchemasRoundTripThroughTheirBaseline()
    {
        var documents = Directory.GetFiles(TestRepository.Schemas, "*.schema.json", SearchOption.AllDirectories)
            .Select(p => SchemaReader.Read(p.Replace('\\', '/'), "Own", SourceText.From(File.ReadAllText(p)))).ToList();
        var facts = ContractFacts.Extract(documents, TestRepository.Schemas.Replace('\\', '/'));

        var baseline = ContractBaseline.Parse(ContractBaseline.Write(null, facts, [new IgnoredChange("v3/ActRequest.schema.json", ".input", "member", "A reason.")]));

        Assert.Empty(baseline.Problems);
        Assert.Equal("A reason.", Assert.Single(baseline.Ignored).Reason);
        Assert.Empty(baseline.Compare(facts).Changes);
        Assert.All(facts, fact => Assert.False(fact.Contract.StartsWith('/'), fact.Contract + " is not relative to the baseline's folder"));
    }

    [Fact]
    public void ABrokenLineIsAProblemAtItsLineAndAnIgnoreNeedsAReason()
    {
        var baseline = ContractBaseline.Parse("# header\nversion\t1.x\nignore\tA.schema.json\t.a\tmember\t \nA.schema.json\t.a\ttype\nA.schema.json\t.a\ttype\t[\"string\"\n");

        Assert.Equal([2, 3, 4, 5], baseline.Problems.Select(p => p.Line));
    }
}
