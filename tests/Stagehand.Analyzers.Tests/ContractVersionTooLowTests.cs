using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Stagehand.Analyzers.Tests.Infrastructure;

namespace Stagehand.Analyzers.Tests;

/// <summary>STH0010: the declared contract version does not carry the bump the changes since the baseline need.</summary>
public sealed class ContractVersionTooLowTests
{
    private static readonly string Released = Baselines.Of("1.2.0", ("PetResponse.schema.json", ContractChanges.PetResponse));

    private static Dictionary<string, string> Declared(string version) => new() { ["build_property.StagehandContractVersion"] = version };

    [Fact]
    public void APatchVersionForABreakingChangeIsReportedAtTheBaselinesVersionLine()
    {
        var diagnostics = ContractChanges.Run(Released, [("PetResponse.schema.json", ContractChanges.PetResponseWithoutName)], Declared("1.2.1"));

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "STH0010");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(ContractChanges.BaselinePath, span.Path);
        Assert.Equal(ContractChanges.LineOf(Released, "version\t"), span.StartLinePosition.Line);
        Assert.Equal(
            "The contract version 1.2.1 (the StagehandContractVersion property) is too low for the changes since the baseline's 1.2.0: they need a major version, 2.0.0 or later.",
            diagnostic.GetMessage());
        Assert.Single(diagnostics, d => d.Id == "STH0008");
    }

    [Theory]
    [InlineData("2.0.0")]
    [InlineData("3.1.4")]
    [InlineData("2.0.0-preview.1")]
    public void AMajorVersionCarriesTheBreak(string version) =>
        Assert.DoesNotContain(ContractChanges.Run(Released, [("PetResponse.schema.json", ContractChanges.PetResponseWithoutName)], Declared(version)), d => d.Id == "STH0010");

    [Fact]
    public void AMinorChangeNeedsTheNextMinorVersion()
    {
        var released = Baselines.Of("1.2.0", ("PetRequest.schema.json", ContractChanges.PetRequest));
        var schemas = new[] { ("PetRequest.schema.json", ContractChanges.PetRequestWithNickname) };

        var tooLow = Assert.Single(ContractChanges.Run(released, schemas, Declared("1.2.9")), d => d.Id == "STH0010");
        Assert.Contains("they need a minor version, 1.3.0 or later.", tooLow.GetMessage(), System.StringComparison.Ordinal);
        Assert.DoesNotContain(ContractChanges.Run(released, schemas, Declared("1.3.0")), d => d.Id == "STH0010");
    }

    [Fact]
    public void ARootsVersionDeclaresItToo()
    {
        var withVersion = ContractChanges.PetResponseWithoutName.Replace("{\n  \"type\"", "{\n  \"x-stagehand-version\": \"1.3.0\",\n  \"type\"");

        var diagnostic = Assert.Single(ContractChanges.Run(Released, [("PetResponse.schema.json", withVersion)]), d => d.Id == "STH0010");

        Assert.StartsWith("The contract version 1.3.0 (x-stagehand-version in PetResponse.schema.json) is too low", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void VersionsThatDisagreeAreReported()
    {
        var withVersion = ContractChanges.PetResponse.Replace("{\n  \"type\"", "{\n  \"x-stagehand-version\": \"1.3.0\",\n  \"type\"");

        var diagnostic = Assert.Single(ContractChanges.Run(Released, [("PetResponse.schema.json", withVersion)], Declared("1.2.0")));

        Assert.Equal("STH0010", diagnostic.Id);
        Assert.Equal(
            "The contract version is declared differently in different places: 1.2.0 (the StagehandContractVersion property), 1.3.0 (x-stagehand-version in PetResponse.schema.json). Declare one version.",
            diagnostic.GetMessage());
    }

    [Fact]
    public void APropertyThatIsNotAVersionIsReported() =>
        Assert.Contains(
            ContractChanges.Run(Released, [("PetResponse.schema.json", ContractChanges.PetResponse)], Declared("next")),
            d => d.Id == "STH0010" && d.GetMessage() == "The StagehandContractVersion property 'next' is not a version MAJOR.MINOR.PATCH (such as 1.4.0).");

    [Fact]
    public void WithoutADeclaredVersionOrABaselineVersionNothingIsSaid()
    {
        Assert.DoesNotContain(ContractChanges.Run(Released, [("PetResponse.schema.json", ContractChanges.PetResponseWithoutName)]), d => d.Id == "STH0010");

        var unversioned = Baselines.Of(null, ("PetResponse.schema.json", ContractChanges.PetResponse));
        Assert.DoesNotContain(ContractChanges.Run(unversioned, [("PetResponse.schema.json", ContractChanges.PetResponseWithoutName)], Declared("1.2.1")), d => d.Id == "STH0010");
    }

    [Fact]
    public void TheSameVersionWithoutChangesIsSilent() =>
        Assert.Empty(ContractChanges.Run(Released, [("PetResponse.schema.json", ContractChanges.PetResponse)], Declared("1.2.0")));
}
