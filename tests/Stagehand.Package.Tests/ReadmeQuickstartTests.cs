using System;
using System.IO;
using System.Text.RegularExpressions;

namespace Stagehand.Package.Tests;

/// <summary>
/// The README's quickstart, run as written: pasted into a fresh console project that gets Stagehand.Contracts from the
/// local folder feed, and the command-line tool installed from that feed as a local tool, as the README says.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class ReadmeQuickstartTests
{
    private readonly PackedPackages _packed;

    public ReadmeQuickstartTests(PackedPackages packed) => _packed = packed;

    private static string Readme => File.ReadAllText(Path.Combine(Repository.Root, "README.md"));

    [Fact]
    public void QuickstartRunsInAFreshConsoleProject()
    {
        var quickstart = Readme[Readme.IndexOf("## Quickstart", StringComparison.Ordinal)..];
        var code = Regex.Match(quickstart, "```csharp\n(?<code>.*?)```", RegexOptions.Singleline).Groups["code"].Value;
        Assert.False(string.IsNullOrWhiteSpace(code), "the README has no C# quickstart");

        // What `dotnet new console` writes, with the package the README's `dotnet add package` adds.
        var folder = FreshConsumer.Create(_packed, "Quickstart", "    <OutputType>Exe</OutputType>\n    <ImplicitUsings>enable</ImplicitUsings>");
        File.WriteAllText(Path.Combine(folder, "Program.cs"), code);

        var run = DotNet.Run(folder, PackedPackages.Limit, "run", "-c", "Release");
        Assert.True(run.ExitCode == 0, "the README's quickstart failed (exit " + run.ExitCode + "):\n" + run.Output);
        Assert.Contains("/id readOnly: This member is assigned by the server and cannot be set.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void CliInstallsFromTheFeedAsALocalTool()
    {
        Assert.Contains("dotnet new tool-manifest", Readme, StringComparison.Ordinal);
        Assert.Contains("dotnet tool install --add-source", Readme, StringComparison.Ordinal);

        var folder = Directory.CreateDirectory(Path.Combine(_packed.Work, "tool")).FullName;
        Run(folder, "new", "tool-manifest");
        Run(folder, "tool", "install", "--add-source", _packed.Feed, "Stagehand.Contracts.Cli", "--version", _packed.Version);
        var list = Run(folder, "tool", "run", "stagehand-contracts", "list");
        Assert.Contains("LLMConfig", list, StringComparison.Ordinal);
    }

    private static string Run(string folder, params string[] arguments)
    {
        var result = DotNet.Run(folder, PackedPackages.Limit, arguments);
        Assert.True(result.ExitCode == 0, "dotnet " + string.Join(' ', arguments) + " failed:\n" + result.Output);
        return result.Output;
    }
}
