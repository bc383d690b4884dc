using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace Stagehand.Package.Tests;

/// <summary>The tests that share one pack of both packages.</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackagesCollection : ICollectionFixture<PackedPackages>
{
    public const string Name = "packed packages";
}

/// <summary>
/// Packs Stagehand.Contracts and Stagehand.Contracts.Cli once, as a developer would with <c>dotnet pack</c> (no CI
/// variable), from a copy of the working tree that is a git repository whose <c>origin</c> is a local folder, as in CI's
/// clone: a folder feed with both <c>.nupkg</c> and both <c>.snupkg</c>.
/// </summary>
public sealed class PackedPackages : IDisposable
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(8);

    public PackedPackages()
    {
        // The repository's version with a pre-release suffix: the package version is also the contract version its build
        // checks against schemas/Contracts.Shipped.txt (STH0010), which compares MAJOR.MINOR.PATCH only.
        Version = RepositoryVersion + "-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        Work = Path.Combine(Path.GetTempPath(), "stagehand-package-" + Guid.NewGuid().ToString("N"));
        Source = Repository.CopyTo(Path.Combine(Work, "repo"), "schemas", "src");
        Git("-c", "init.defaultBranch=main", "init", "-q");
        Git("add", "-A");
        Git("-c", "user.name=Package tests", "-c", "user.email=package-tests@example.invalid", "commit", "-q", "-m", "The working tree, packed");
        Git("remote", "add", "origin", Repository.Root);
        Commit = Git("rev-parse", "HEAD").Trim();

        Feed = Directory.CreateDirectory(Path.Combine(Work, "feed")).FullName;
        foreach (var project in new[] { "src/Stagehand.Contracts/Stagehand.Contracts.csproj", "src/Stagehand.Contracts.Cli/Stagehand.Contracts.Cli.csproj" })
        {
            var pack = DotNet.Run(Source, Limit, "pack", project, "-c", "Release", "-o", Feed, "-p:Version=" + Version);
            Assert.True(pack.ExitCode == 0, "dotnet pack " + project + " failed:\n" + pack.Output);
            PackOutput += pack.Output;
        }
    }

    /// <summary>The version both packages were packed with.</summary>
    public string Version { get; }

    /// <summary>The temporary folder everything is written to.</summary>
    public string Work { get; }

    /// <summary>The copy of the repository that was packed (an absolute path no packed file may contain).</summary>
    public string Source { get; }

    /// <summary>The commit of <see cref="Source"/>, which Source Link points to.</summary>
    public string Commit { get; }

    /// <summary>The folder feed.</summary>
    public string Feed { get; }

    /// <summary>What both <c>dotnet pack</c> runs printed.</summary>
    public string PackOutput { get; } = string.Empty;

    /// <summary>The <c>Version</c> of the repository's Directory.Build.props.</summary>
    public static string RepositoryVersion =>
        XDocument.Load(Path.Combine(Repository.Root, "Directory.Build.props")).Descendants("Version").Single().Value.Trim();

    /// <summary>The <c>StagehandRepositoryUrl</c> of the repository's Directory.Build.props.</summary>
    public static string RepositoryUrl =>
        XDocument.Load(Path.Combine(Repository.Root, "Directory.Build.props")).Descendants("StagehandRepositoryUrl").Single().Value.Trim();

    public string PackagePath(string id, string extension = ".nupkg") => Path.Combine(Feed, id + "." + Version + extension);

    /// <summary>The package's nuspec <c>metadata</c> element.</summary>
    public XElement Metadata(string id)
    {
        using var archive = ZipFile.OpenRead(PackagePath(id));
        var entry = archive.Entries.Single(e => e.FullName == id + ".nuspec");
        using var stream = entry.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    /// <summary>The bytes of one file in a package.</summary>
    public static byte[] Read(string package, string entryName)
    {
        using var archive = ZipFile.OpenRead(package);
        var entry = archive.GetEntry(entryName) ?? throw new InvalidOperationException(entryName + " is not in " + package);
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static string[] Entries(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        return archive.Entries.Select(e => e.FullName).ToArray();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Work, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private string Git(params string[] arguments)
    {
        var result = DotNet.RunProgram("git", Source, TimeSpan.FromMinutes(2), arguments);
        Assert.True(result.ExitCode == 0, "git " + string.Join(' ', arguments) + " failed:\n" + result.Output);
        return result.Output;
    }
}
