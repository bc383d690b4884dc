using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Stagehand.Analyzers.Rules;
using Stagehand.Analyzers.Tests.Infrastructure;

namespace Stagehand.Analyzers.Tests;

/// <summary>STH0008: a change since the baseline that breaks clients or servers built against it.</summary>
public sealed class BreakingContractChangeTests
{
    [Fact]
    public void ARequiredResponseMemberRemovedIsReportedAtTheBaselineLineThatStatesIt()
    {
        var baseline = Baselines.Of("1.0.0", ("PetResponse.schema.json", ContractChanges.PetResponse));

        var diagnostics = ContractChanges.Run(baseline, [("PetResponse.schema.json", ContractChanges.PetResponseWithoutName)]);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("STH0008", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(ContractChanges.BaselinePath, span.Path);
        Assert.Equal(ContractChanges.LineOf(baseline, "PetResponse.schema.json\t.name\tmember\t"), span.StartLinePosition.Line);
        Assert.Equal(
            "PetResponse.name: the required member was removed: values the old contract refused may now be sent, and an older client built against it refuses them (major). Kind: required-member-removed; direction: response. Example: {\"id\":\"a\"}",
            diagnostic.GetMessage());
        Assert.Equal("required-member-removed", diagnostic.Properties["Kind"]);
        Assert.Equal("response", diagnostic.Properties["Direction"]);
        Assert.Equal("major", diagnostic.Properties["Bump"]);
        Assert.Equal("PetResponse.schema.json", diagnostic.Properties["Contract"]);
        Assert.Equal(".name", diagnostic.Properties["Path"]);
        Assert.Equal("member", diagnostic.Properties["Aspect"]);
        // The document a new server may send that an older client refuses: the pet without its name.
        Assert.Equal("{\"id\":\"a\"}", diagnostic.Properties["Witness"]);
    }

    [Fact]
    public void AResponseMemberWhoseTypeChangedIsReportedAtItsSchema()
    {
        var baseline = Baselines.Of("1.0.0", ("PetResponse.schema.json", ContractChanges.PetResponse));
        var changed = ContractChanges.PetResponse.Replace("\"id\": { \"type\": \"string\" }", "\"id\": { \"type\": \"integer\" }");

        var diagnostics = ContractChanges.Run(baseline, [("PetResponse.schema.json", changed)]);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("STH0008", diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(ContractChanges.Folder + "PetResponse.schema.json", span.Path);
        Assert.Equal((3, 10), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Equal("{ \"type\": \"integer\" }", Text(changed, diagnostic));
        Assert.Contains("Kind: type-changed; direction: response.", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public Task TheMarkupShowsWhereABreakIsReported() =>
        Verify<BreakingContractChangeAnalyzer>.SchemasAsync(
            ("PetResponse.schema.json", ContractChanges.PetResponse.Replace("\"id\": { \"type\": \"string\" }", "\"id\": {|STH0008:{ \"type\": \"integer\" }|}")),
            ("Contracts.Shipped.txt", Baselines.Of("1.0.0", ("PetResponse.schema.json", ContractChanges.PetResponse))));

    [Fact]
    public void ARemovedContractIsReportedAtItsFirstBaselineLine()
    {
        var baseline = Baselines.Of("1.0.0", ("PetResponse.schema.json", ContractChanges.PetResponse), ("PetRequest.schema.json", ContractChanges.PetRequest));

        var diagnostics = ContractChanges.Run(baseline, [("PetRequest.schema.json", ContractChanges.PetRequest)]);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("STH0008", diagnostic.Id);
        Assert.Equal("contract-removed", diagnostic.Properties["Kind"]);
        Assert.Equal(ContractChanges.LineOf(baseline, "PetResponse.schema.json\t"), diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void WithoutABaselineNothingIsCompared() =>
        Assert.Empty(ContractChanges.Run(null, [("PetResponse.schema.json", ContractChanges.PetResponseWithoutName)]));

    [Fact]
    public void UnchangedSchemasAreSilent() =>
        Assert.Empty(ContractChanges.Run(
            Baselines.Of("1.0.0", ("PetResponse.schema.json", ContractChanges.PetResponse)),
            [("PetResponse.schema.json", ContractChanges.PetResponse)]));

    [Fact]
    public void AnIgnoreLineWithItsReasonAcceptsTheBreak()
    {
        var baseline = Baselines.Of("1.0.0", ("PetResponse.schema.json", ContractChanges.PetResponse))
            .Replace("version\t1.0.0\n", "version\t1.0.0\nignore\tPetResponse.schema.json\t.name\tmember\tNo client ever read the name.\n");

        Assert.Empty(ContractChanges.Run(baseline, [("PetResponse.schema.json", ContractChanges.PetResponseWithoutName)]));
    }

    [Fact]
    public void ASchemaThatDoesNotReadIsNotReportedAsRemoved()
    {
        var baseline = Baselines.Of("1.0.0", ("PetResponse.schema.json", ContractChanges.PetResponse));

        var diagnostics = ContractChanges.Run(baseline, [("PetResponse.schema.json", "{ \"type\": \"object\", \"properties\": ")]);

        Assert.DoesNotContain(diagnostics, d => d.Id == "STH0008");
    }

    private static string Text(string text, Diagnostic diagnostic) =>
        text.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
}
