using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Stagehand.Package.Tests;

/// <summary>
/// What the packed <c>.nupkg</c> and <c>.snupkg</c> files say about themselves: license, links, tags, readme, symbols,
/// Source Link, and no trace of the machine that built them.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class PackageContentTests
{
    private const string Contracts = "Stagehand.Contracts";
    private const string Cli = "Stagehand.Contracts.Cli";

    /// <summary>The Source Link entry of a portable PDB's custom debug information.</summary>
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    private readonly PackedPackages _packed;

    public PackageContentTests(PackedPackages packed) => _packed = packed;

    public static TheoryData<string> Packages() => new() { Contracts, Cli };

    [Fact]
    public void PackingWarnsAboutNothing() =>
        Assert.DoesNotContain(
            _packed.PackOutput.Split('\n'),
            line => line.Contains("warning", StringComparison.OrdinalIgnoreCase) && !line.Contains(" 0 Warning(s)", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Packages))]
    public void NuspecHasTheLicenseTheLinksAndTags(string id)
    {
        var metadata = _packed.Metadata(id);
        var license = Element(metadata, "license");
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);

        var url = PackedPackages.RepositoryUrl;
        Assert.StartsWith("https://github.com/", url, StringComparison.Ordinal);
        Assert.Equal(url, Element(metadata, "projectUrl").Value);
        var repository = Element(metadata, "repository");
        Assert.Equal(url, repository.Attribute("url")?.Value);
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal(_packed.Commit, repository.Attribute("commit")?.Value);

        var tags = Element(metadata, "tags").Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("stagehand", tags);
        Assert.Contains("json-schema", tags);
        Assert.Contains("contracts", tags);
        if (id == Cli)
        {
            Assert.Contains("dotnet-tool", tags);
        }
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void PackageHasItsReadme(string id)
    {
        Assert.Equal("README.md", Element(_packed.Metadata(id), "readme").Value);
        var readme = Encoding.UTF8.GetString(PackedPackages.Read(_packed.PackagePath(id), "README.md"));
        if (id == Cli)
        {
            Assert.StartsWith("# stagehand-contracts", readme, StringComparison.Ordinal);
            Assert.All(new[] { "`list", "`check", "`validate" }, command => Assert.Contains(command, readme, StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "README.md")), readme);
        }
    }

    [Fact]
    public void RuleHelpLinksStartWithTheProjectUrl()
    {
        // The analyzers' help links come from ProjectLinks, constants compiled from the same StagehandRepositoryUrl.
        var url = Element(_packed.Metadata(Contracts), "projectUrl").Value;
        var analyzers = PackedPackages.Read(_packed.PackagePath(Contracts), "analyzers/dotnet/cs/Stagehand.Analyzers.dll");
        using var pe = new PEReader(new MemoryStream(analyzers));
        var metadata = pe.GetMetadataReader();
        Assert.Equal(url, ConstantString(metadata, "Stagehand.Schema", "ProjectLinks", "Repository"));
        var ruleHelpBase = ConstantString(metadata, "Stagehand.Schema", "ProjectLinks", "RuleHelpBase");
        Assert.Equal(url + "/blob/main/docs/rules/", ruleHelpBase);
        // ... and the code that builds each descriptor's HelpLinkUri loads that prefix.
        Assert.Contains(ruleHelpBase, UserStrings(metadata));
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void SymbolPackageHoldsAPortablePdbWithSourceLinkForEveryAssembly(string id)
    {
        var package = _packed.PackagePath(id);
        var symbols = _packed.PackagePath(id, ".snupkg");
        Assert.True(File.Exists(symbols), "no symbol package at " + symbols);
        var ours = OwnAssemblies(package);
        Assert.NotEmpty(ours);
        var expectedLink = PackedPackages.RepositoryUrl.Replace("https://github.com/", "https://raw.githubusercontent.com/", StringComparison.Ordinal) + "/" + _packed.Commit + "/*";
        foreach (var dll in ours)
        {
            var pdbEntry = Path.ChangeExtension(dll, ".pdb");
            Assert.Contains(pdbEntry, PackedPackages.Entries(symbols));

            using var pdb = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(PackedPackages.Read(symbols, pdbEntry)));
            var reader = pdb.GetMetadataReader(); // throws for a Windows PDB
            var documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToList();
            Assert.NotEmpty(documents);
            Assert.All(documents, name => Assert.StartsWith("/_/", name, StringComparison.Ordinal));

            var sourceLink = reader.CustomDebugInformation
                .Select(reader.GetCustomDebugInformation)
                .Where(info => reader.GetGuid(info.Kind) == SourceLinkKind)
                .Select(info => Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value)))
                .SingleOrDefault();
            Assert.True(sourceLink is not null, pdbEntry + " has no Source Link");
            using var json = JsonDocument.Parse(sourceLink);
            var mapping = Assert.Single(json.RootElement.GetProperty("documents").EnumerateObject());
            Assert.Equal("/_/*", mapping.Name);
            Assert.Equal(expectedLink, mapping.Value.GetString());
        }
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void NoPackedFileCarriesTheBuildMachinesPaths(string id)
    {
        var paths = new[] { _packed.Source, _packed.Work, Repository.Root }
            .Select(p => p.TrimEnd('/', '\\'))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        foreach (var package in new[] { _packed.PackagePath(id), _packed.PackagePath(id, ".snupkg") })
        {
            foreach (var entry in PackedPackages.Entries(package).Where(e => e.EndsWith(".dll", StringComparison.Ordinal) || e.EndsWith(".pdb", StringComparison.Ordinal)))
            {
                var bytes = PackedPackages.Read(package, entry);
                foreach (var path in paths)
                {
                    Assert.True(
                        bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(path)) < 0 && bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(path)) < 0,
                        $"{entry} in {Path.GetFileName(package)} contains the build machine's path {path}");
                }
            }
        }

        foreach (var dll in OwnAssemblies(_packed.PackagePath(id), withAnalyzers: true))
        {
            using var pe = new PEReader(new MemoryStream(PackedPackages.Read(_packed.PackagePath(id), dll)));
            var codeView = pe.ReadDebugDirectory().Single(e => e.Type == DebugDirectoryEntryType.CodeView);
            Assert.StartsWith("/_/", pe.ReadCodeViewDebugDirectoryData(codeView).Path, StringComparison.Ordinal);
            Assert.Contains(pe.ReadDebugDirectory(), e => e.Type == DebugDirectoryEntryType.Reproducible);
        }
    }

    [Fact]
    public void PackedXmlDocsSpeakPlainly()
    {
        var package = _packed.PackagePath(Contracts);
        var docs = PackedPackages.Entries(package).Where(e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith(".xml", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, docs.Count);
        var found = docs.SelectMany(entry => Jargon.Find(Encoding.UTF8.GetString(PackedPackages.Read(package, entry))).Select(hit => entry + " " + hit)).ToList();
        Assert.True(found.Count == 0, "project shorthand in the XML docs users read:\n" + string.Join('\n', found));
    }

    private static XElement Element(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name) ?? throw new Xunit.Sdk.XunitException("the nuspec has no <" + name + ">");

    /// <summary>
    /// The assemblies this repository builds, in the package: under lib/ or tools/ (those have symbols in the .snupkg), and
    /// with <paramref name="withAnalyzers"/> the generator and analyzers under analyzers/ too.
    /// </summary>
    private static List<string> OwnAssemblies(string package, bool withAnalyzers = false) =>
        PackedPackages.Entries(package)
            .Where(e => e.EndsWith(".dll", StringComparison.Ordinal)
                && (Path.GetFileName(e).StartsWith("Stagehand.", StringComparison.Ordinal) || Path.GetFileName(e) == "stagehand-contracts.dll")
                && (withAnalyzers || !e.StartsWith("analyzers/", StringComparison.Ordinal)))
            .ToList();

    private static string? ConstantString(MetadataReader metadata, string ns, string type, string field)
    {
        foreach (var handle in metadata.TypeDefinitions)
        {
            var definition = metadata.GetTypeDefinition(handle);
            if (metadata.GetString(definition.Namespace) != ns || metadata.GetString(definition.Name) != type)
            {
                continue;
            }

            foreach (var fieldHandle in definition.GetFields())
            {
                var fieldDefinition = metadata.GetFieldDefinition(fieldHandle);
                if (metadata.GetString(fieldDefinition.Name) == field)
                {
                    var blob = metadata.GetBlobReader(metadata.GetConstant(fieldDefinition.GetDefaultValue()).Value);
                    return blob.ReadUTF16(blob.Length);
                }
            }
        }

        return null;
    }

    private static List<string> UserStrings(MetadataReader metadata)
    {
        var strings = new List<string>();
        for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = metadata.GetNextHandle(handle))
        {
            strings.Add(metadata.GetUserString(handle));
        }

        return strings;
    }
}
