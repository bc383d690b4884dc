using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Stagehand.Analyzers.Rules;
using Stagehand.Analyzers.Tests.Infrastructure;

namespace Stagehand.Analyzers.Tests;

/// <summary>STH0009: a compatible change since the baseline that it does not record yet.</summary>
public sealed class ContractChangeNotInBaselineTests
{
    [Fact]
    public void AnOptionalRequestMemberAddedIsAMinorChangeAtItsName()
    {
        var baseline = Baselines.Of("1.0.0", ("PetRequest.schema.json", ContractChanges.PetRequest));

        var diagnostics = ContractChanges.Run(baseline, [("PetRequest.schema.json", ContractChanges.PetRequestWithNickname)]);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("STH0009", DiagnosticSeverity.Info), (diagnostic.Id, diagnostic.Severity));
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(ContractChanges.Folder + "PetRequest.schema.json", span.Path);
        Assert.Equal((4, 4), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Equal(
            "PetRequest.nickname: a new optional member: a new capability; older peers are unaffected (minor). Kind: member-added; direction: request. Accept it into Contracts.Shipped.txt when it is released.",
            diagnostic.GetMessage());
        Assert.Equal("minor", diagnostic.Properties["Bump"]);
        Assert.Equal(".nickname", diagnostic.Properties["Path"]);
    }

    [Fact]
    public Task TheMarkupShowsWhereAMinorChangeIsReported() =>
        Verify<ContractChangeNotInBaselineAnalyzer>.SchemasAsync(
            ("PetRequest.schema.json", ContractChanges.PetRequestWithNickname.Replace("\"nickname\":", "{|STH0009:\"nickname\"|}:")),
            ("Contracts.Shipped.txt", Baselines.Of("1.0.0", ("PetRequest.schema.json", ContractChanges.PetRequest))));

    [Fact]
    public void ADescriptionIsAPatchChange()
    {
        var baseline = Baselines.Of("1.0.0", ("PetRequest.schema.json", ContractChanges.PetRequest));
        var described = ContractChanges.PetRequest.Replace("\"name\": { \"type\": \"string\" }", "\"name\": { \"type\": \"string\", \"description\": \"What the pet answers to.\" }");

        var diagnostic = Assert.Single(ContractChanges.Run(baseline, [("PetRequest.schema.json", described)]));

        Assert.Equal(("STH0009", "patch", "description-added"), (diagnostic.Id, diagnostic.Properties["Bump"], diagnostic.Properties["Kind"]));
    }
}
