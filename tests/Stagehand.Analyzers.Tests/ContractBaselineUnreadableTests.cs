using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Stagehand.Analyzers.Rules;
using Stagehand.Analyzers.Tests.Infrastructure;

namespace Stagehand.Analyzers.Tests;

/// <summary>STH0012: a line of the baseline that cannot be read, reported at that line; nothing is compared meanwhile.</summary>
public sealed class ContractBaselineUnreadableTests
{
    [Fact]
    public void AFactWithoutItsFourPartsIsReportedAtItsLine()
    {
        var baseline = Baselines.Of("1.0.0", ("PetResponse.schema.json", ContractChanges.PetResponse))
            .Replace("PetResponse.schema.json\t.id\tmember\ttrue\n", "PetResponse.schema.json .id member true\n");

        var diagnostics = ContractChanges.Run(baseline, [("PetResponse.schema.json", ContractChanges.PetResponseWithoutName)]);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("STH0012", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(ContractChanges.BaselinePath, span.Path);
        Assert.Equal(ContractChanges.LineOf(baseline, "PetResponse.schema.json .id"), span.StartLinePosition.Line);
        Assert.Equal((0, "PetResponse.schema.json .id member true".Length), (span.StartLinePosition.Character, span.EndLinePosition.Character));
        Assert.Equal("The contract baseline cannot be read: A fact line needs four tab-separated parts: contract, place, aspect and value.", diagnostic.GetMessage());
    }

    [Fact]
    public Task TheMarkupShowsEachUnreadableLine() =>
        Verify<ContractBaselineUnreadableAnalyzer>.SchemasAsync(
            ("PetResponse.schema.json", ContractChanges.PetResponse),
            ("Contracts.Shipped.txt", "{|STH0012:version\t1.0|}\n{|STH0012:ignore\tPetResponse.schema.json\t.id\tmember\t |}\n"));
}
