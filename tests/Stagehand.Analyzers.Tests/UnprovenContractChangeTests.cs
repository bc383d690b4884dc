using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Stagehand.Analyzers.Rules;
using Stagehand.Analyzers.Tests.Infrastructure;

namespace Stagehand.Analyzers.Tests;

/// <summary>STH0011: a change since the baseline that may narrow or widen, and could not be proven either way.</summary>
public sealed class UnprovenContractChangeTests
{
    [Fact]
    public void APatternChangedToOneThatIsNotAListOfLiteralsIsAWarningAtItsSchema()
    {
        var baseline = Baselines.Of("1.0.0", ("PetRequest.schema.json", ContractChanges.PetRequest));

        var diagnostics = ContractChanges.Run(baseline, [("PetRequest.schema.json", ContractChanges.PetRequestWithCodePattern)]);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("STH0011", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(ContractChanges.Folder + "PetRequest.schema.json", span.Path);
        Assert.Equal((4, 12), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Equal("pattern", diagnostic.Properties["Aspect"]);
        Assert.Equal("major", diagnostic.Properties["Bump"]);
        Assert.Contains("could not be proven either way", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.EndsWith("Check it by hand, then accept it into Contracts.Shipped.txt or write an ignore line with the reason.", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public Task TheMarkupShowsWhereAnUnprovenChangeIsReported() =>
        Verify<UnprovenContractChangeAnalyzer>.SchemasAsync(
            ("PetRequest.schema.json", ContractChanges.PetRequestWithCodePattern.Replace("\"code\": {", "\"code\": {|STH0011:{").Replace("\"^[a-z]+$\" }", "\"^[a-z]+$\" }|}")),
            ("Contracts.Shipped.txt", Baselines.Of("1.0.0", ("PetRequest.schema.json", ContractChanges.PetRequest))));

    [Fact]
    public void APatternThatStillListsLiteralsIsProven()
    {
        var baseline = Baselines.Of("1.0.0", ("PetRequest.schema.json", ContractChanges.PetRequest));
        var widened = ContractChanges.PetRequest.Replace("^(cat|dog)$", "^(cat|dog|bird)$");

        var diagnostic = Assert.Single(ContractChanges.Run(baseline, [("PetRequest.schema.json", widened)]));

        Assert.Equal(("STH0009", "minor"), (diagnostic.Id, diagnostic.Properties["Bump"]));
    }
}
