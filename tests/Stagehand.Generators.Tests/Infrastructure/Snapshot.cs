using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Stagehand.Generators.Tests.Infrastructure;

/// <summary>
/// Snapshot checks with Verify's file conventions: <c>Snapshots/&lt;Class&gt;.&lt;Method&gt;#&lt;HintName&gt;.verified.cs</c>
/// per generated source, whose first line is <c>//HintName: &lt;hint&gt;</c>, and <c>&lt;Class&gt;.&lt;Method&gt;.verified.txt</c> for
/// diagnostics. A mismatch writes <c>*.received.*</c> beside it and fails with a diff. Set
/// <c>STAGEHAND_ACCEPT_SNAPSHOTS=1</c> to accept what was received. The generator's version, which every generated type
/// carries in <c>[GeneratedCode("Stagehand.Generators", "&lt;version&gt;")]</c>, is written as <see cref="VersionToken"/>,
/// so that a new version changes no snapshot.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = SnapshotFile.AcceptVariable;

    /// <summary>What the generator's version is replaced with in a snapshot.</summary>
    public const string VersionToken = "{version}";

    /// <summary>
    /// The generator's version where the generated code names it: right after the tool's name, as the second argument of
    /// <c>GeneratedCode</c> (<c>ContractEmitter</c> writes <c>Assembly.GetName().Version.ToString(3)</c>) or after it in a
    /// comment. Only the generator assembly's own version strings match, longest first, and only as a whole.
    /// </summary>
    private static readonly Regex GeneratorVersion = new(
        @"(?<=\bStagehand\.Generators(?:"", ""|\s+v?))(?:" + string.Join("|", GeneratorVersions().Select(Regex.Escape)) + @")(?![\w.+-])",
        RegexOptions.CultureInvariant);

    private static string Folder => Path.Combine(RepositoryPaths.TestProject, "Snapshots");

    private static bool Accepting => SnapshotFile.Accepting;

    public static void VerifySources(string className, string methodName, IEnumerable<GeneratedSourceResult> sources)
    {
        Directory.CreateDirectory(Folder);
        var prefix = className + "." + methodName + "#";
        var failures = new List<string>();
        var expectedFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            var stem = source.HintName.EndsWith(".cs", StringComparison.Ordinal) ? source.HintName[..^3] : source.HintName;
            var verified = Path.Combine(Folder, prefix + stem + ".verified.cs");
            expectedFiles.Add(Path.GetFileName(verified));
            var text = "//HintName: " + source.HintName + "\n" + ScrubVersion(Normalize(source.SourceText.ToString()));
            Compare(verified, text, failures);
        }

        foreach (var stale in Directory.EnumerateFiles(Folder, prefix + "*.verified.cs"))
        {
            if (!expectedFiles.Contains(Path.GetFileName(stale)))
            {
                if (Accepting)
                {
                    File.Delete(stale);
                }
                else
                {
                    failures.Add($"{Path.GetFileName(stale)} is verified but the generator no longer produces it.");
                }
            }
        }

        if (failures.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(string.Join("\n\n", failures) + $"\n\nReview the *.received.* files; set {AcceptVariable}=1 to accept them.");
        }
    }

    public static void VerifyText(string className, string methodName, string text)
    {
        Directory.CreateDirectory(Folder);
        var failures = new List<string>();
        Compare(Path.Combine(Folder, className + "." + methodName + ".verified.txt"), Normalize(text), failures);
        if (failures.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(string.Join("\n\n", failures) + $"\n\nSet {AcceptVariable}=1 to accept.");
        }
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        var lines = diagnostics
            .Select(d =>
            {
                var span = d.Location.GetLineSpan();
                var file = Path.GetFileName(span.Path);
                return $"{file}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Severity.ToString().ToLowerInvariant()} {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
            })
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToList();
        return lines.Count == 0 ? "(no diagnostics)\n" : string.Join("\n", lines) + "\n";
    }

    private static void Compare(string verifiedPath, string received, List<string> failures)
    {
        if (SnapshotFile.Compare(verifiedPath, received) is { } failure)
        {
            failures.Add(failure);
        }
    }

    /// <summary>The generated text with the generator's version replaced by <see cref="VersionToken"/>.</summary>
    public static string ScrubVersion(string generated) => GeneratorVersion.Replace(generated, VersionToken);

    private static IEnumerable<string> GeneratorVersions()
    {
        var assembly = typeof(ContractsGenerator).Assembly;
        var version = assembly.GetName().Version!;
        return new[]
            {
                assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
                assembly.GetCustomAttribute<AssemblyFileVersionAttribute>()?.Version,
                version.ToString(4),
                version.ToString(3),
            }
            .OfType<string>()
            .Where(v => v.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length);
    }

    private static string Normalize(string text) => SnapshotFile.Normalize(text);
}
