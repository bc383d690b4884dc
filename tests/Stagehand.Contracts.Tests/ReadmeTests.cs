using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Stagehand.Contracts.Tests;

/// <summary>The README's quickstart is code a newcomer pastes: it must compile against the contracts as they are.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void QuickstartCompiles()
    {
        var readme = File.ReadAllText(Path.Combine(TestRepository.Root, "README.md"));
        var quickstart = readme[readme.IndexOf("## Quickstart", StringComparison.Ordinal)..];
        var code = Regex.Match(quickstart, "```csharp\n(?<code>.*?)```", RegexOptions.Singleline).Groups["code"].Value;
        Assert.False(string.IsNullOrWhiteSpace(code), "the README has no C# quickstart");

        var compilation = CSharpCompilation.Create(
            "Quickstart",
            [CSharpSyntaxTree.ParseText("global using System;\nglobal using System.IO;\n", new CSharpParseOptions(LanguageVersion.Latest)),
             CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest))],
            Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(ContractJson).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }
}
