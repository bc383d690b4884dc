using System;
using System.IO;
using System.Linq;
using System.Text;

namespace Stagehand.Contracts.Cli.Tests;

/// <summary>
/// <c>diff</c> over this repository's own history: the schemas of the first commit that has a <c>schemas/</c> folder
/// against today's, as the Markdown changelog, compared with <c>Snapshots/OwnHistory.verified.md</c>. A change to the
/// schemas or to the classification changes it: the test then writes <c>OwnHistory.received.md</c> beside it; review
/// it, and set <c>STAGEHAND_ACCEPT_SNAPSHOTS=1</c> to accept it. It needs the full git history (CI clones it).
/// </summary>
public sealed class OwnHistoryTests
{
    private const string AcceptVariable = "STAGEHAND_ACCEPT_SNAPSHOTS";

    private static string Snapshots => Path.Combine(CliRunner.RepositoryRoot(), "tests", "Stagehand.Contracts.Cli.Tests", "Snapshots");

    [Fact]
    public void FirstSchemasAgainstTodaysAsMarkdown()
    {
        var root = CliRunner.RepositoryRoot();
        if (Git.Run(root, "rev-parse", "--is-shallow-repository").Trim() == "true")
        {
            Assert.Fail($"The repository at '{root}' is a shallow clone: this test compares the schemas of the first commit that has a schemas/ folder with today's, and needs the whole history. Run 'git fetch --unshallow'.");
        }

        var first = Git.Run(root, "log", "--reverse", "--format=%H", "--", "schemas").Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        Assert.True(first is not null, $"git log finds no commit that touches schemas/ in '{root}': the test needs the repository's git history.");

        var result = CliRunner.Run("diff", $"git:{first}:schemas", Path.Combine(root, "schemas"), "--format", "markdown");

        Assert.Equal(string.Empty, result.Stderr);
        // Breaking and unproven changes need a major bump, and only they exit with 1.
        Assert.Equal(result.StdoutLines[^1].EndsWith("requires a major bump", StringComparison.Ordinal) ? 1 : 0, result.ExitCode);
        Verify("OwnHistory", result.Stdout);
    }

    /// <summary>Compares <paramref name="text"/> with <c>Snapshots/NAME.verified.md</c>, as the generator tests' snapshots do.</summary>
    private static void Verify(string name, string text)
    {
        var received = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var verifiedPath = Path.Combine(Snapshots, name + ".verified.md");
        var receivedPath = Path.Combine(Snapshots, name + ".received.md");
        var expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == received)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(Snapshots);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verifiedPath, received, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
        Assert.Fail(expected is null
            ? $"{verifiedPath} does not exist yet: review {receivedPath}, and set {AcceptVariable}=1 to accept it."
            : $"{verifiedPath} differs ({FirstDifference(expected, received)}): review {receivedPath}, and set {AcceptVariable}=1 to accept it.");
    }

    private static string FirstDifference(string expected, string received)
    {
        var expectedLines = expected.Split('\n');
        var receivedLines = received.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, receivedLines.Length); i++)
        {
            var left = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var right = i < receivedLines.Length ? receivedLines[i] : "<end of file>";
            if (left != right)
            {
                return $"line {i + 1}: expected '{left}', received '{right}'";
            }
        }

        return "line endings only";
    }
}
