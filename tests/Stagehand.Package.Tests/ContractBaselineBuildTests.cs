using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Stagehand.Package.Tests;

/// <summary>
/// A fresh consumer keeps the contracts it released in <c>schemas/Contracts.Shipped.txt</c> (picked up by the package
/// as it picks up the schemas). A breaking change to a schema fails <c>dotnet build</c> with STH0008 at the schema token
/// that changed, and the declared contract version that does not carry the break fails it with STH0010; once the change
/// is accepted into the baseline, the project builds.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class ContractBaselineBuildTests
{
    // The facts of PetResponse as released: id and name are required strings. Tab-separated, as the baseline writes them.
    private const string Released = """
        # The released contracts.
        version	1.0.0
        PetResponse.schema.json		contract	"PetResponse"
        PetResponse.schema.json		direction	"response"
        PetResponse.schema.json		type	["object"]
        PetResponse.schema.json		visibility	"public"
        PetResponse.schema.json	.id	member	true
        PetResponse.schema.json	.id	required	true
        PetResponse.schema.json	.id	type	["string"]
        PetResponse.schema.json	.name	member	true
        PetResponse.schema.json	.name	required	true
        PetResponse.schema.json	.name	type	["string"]

        """;

    // The same response with an integer id: older clients refuse what a server now sends.
    private const string Changed = """
        {
          "type": "object",
          "properties": {
            "id": { "type": "integer" },
            "name": { "type": "string" }
          },
          "required": ["id", "name"]
        }
        """;

    private readonly PackedPackages _packed;

    public ContractBaselineBuildTests(PackedPackages packed) => _packed = packed;

    [Fact]
    public void AnUnrecordedBreakFailsTheBuildAtTheSchemaAndTheAcceptedOneBuilds()
    {
        var folder = FreshConsumer.Create(_packed, "Kennel", "    <RootNamespace>Kennel</RootNamespace>\n    <StagehandContractVersion>1.0.1</StagehandContractVersion>");
        var schemas = Directory.CreateDirectory(Path.Combine(folder, "schemas")).FullName;
        var baseline = Path.Combine(schemas, "Contracts.Shipped.txt");
        File.WriteAllText(baseline, Released);
        File.WriteAllText(Path.Combine(schemas, "PetResponse.schema.json"), Changed);

        var broken = DotNet.Run(folder, PackedPackages.Limit, "build", "-c", "Release");

        Assert.NotEqual(0, broken.ExitCode);
        Assert.Matches(
            new Regex(@"schemas[/\\]PetResponse\.schema\.json\(4,11\): error STH0008: PetResponse\.id: type changed from \[""string""\] to \[""integer""\]: .* Kind: type-changed; direction: response\."),
            broken.Output);
        // The project's StagehandContractVersion reaches the analyzers: a patch version does not carry a break.
        Assert.Matches(new Regex(@"schemas[/\\]Contracts\.Shipped\.txt\(2,1\): error STH0010: The contract version 1\.0\.1 \(the StagehandContractVersion property\) is too low .* 2\.0\.0 or later\."), broken.Output);

        // Accepting the change: the baseline now states an integer id (the version line stays until the release).
        File.WriteAllText(baseline, Released.Replace(".id\ttype\t[\"string\"]", ".id\ttype\t[\"integer\"]", StringComparison.Ordinal));

        var accepted = DotNet.Run(folder, PackedPackages.Limit, "build", "-c", "Release");

        Assert.True(accepted.ExitCode == 0, "the consumer did not build once the change was accepted:\n" + accepted.Output);
        Assert.DoesNotContain("STH00", accepted.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBaselineOfThePackagesOwnContractsIsNotPacked() =>
        Assert.DoesNotContain(PackedPackages.Entries(_packed.PackagePath("Stagehand.Contracts")), entry => entry.EndsWith("Contracts.Shipped.txt", StringComparison.OrdinalIgnoreCase));
}
