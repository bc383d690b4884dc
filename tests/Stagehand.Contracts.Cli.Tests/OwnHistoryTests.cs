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
        if (SnapshotFile.Compare(Path.Combine(Snapshots, name + ".verified.md"), SnapshotFile.Normalize(text)) is { } failure)
        {
            Assert.Fail(failure + $"\nReview the received file, and set {SnapshotFile.AcceptVariable}=1 to accept it.");
        }
    }
}
