using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using Stagehand.Schema;
using Stagehand.Schema.Evolution;
using Xunit.Abstractions;

namespace Stagehand.Generators.Tests.Evolution;

public sealed class EvolutionSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public void OwnSchemasFacts()
    {
        var documents = Directory.GetFiles(TestRepository.Schemas, "*.schema.json", SearchOption.AllDirectories).OrderBy(p => p)
            .Select(p => SchemaReader.Read(p.Replace('\\', '/'), "X", SourceText.From(File.ReadAllText(p)))).ToList();
        var facts = ContractFacts.Extract(documents);
        output.WriteLine(facts.Count + " facts");
        foreach (var f in facts.Where(f => f.Contract.Contains("ActRequest")).Take(60)) output.WriteLine(f.Line);
        var changed = documents.Select(d => d.Path.EndsWith("v3/ActRequest.schema.json")
            ? SchemaReader.Read(d.Path, "X", SourceText.From(File.ReadAllText(d.Path).Replace("\"input\"", "\"inputs\""))) : d).ToList();
        foreach (var c in ContractDiff.Compare(facts, ContractFacts.Extract(changed))) output.WriteLine(c.Kind + " " + c.Direction + " " + c.Bump + " " + c.Message);
    }
}
