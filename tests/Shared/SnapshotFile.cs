using System;
using System.IO;
using System.Text;

namespace Stagehand.Testing;

/// <summary>
/// One snapshot file, Verify's way: <c>NAME.verified.EXT</c> holds what was reviewed; a mismatch writes
/// <c>NAME.received.EXT</c> beside it, and <c>STAGEHAND_ACCEPT_SNAPSHOTS=1</c> accepts what was received.
/// </summary>
internal static class SnapshotFile
{
    public const string AcceptVariable = "STAGEHAND_ACCEPT_SNAPSHOTS";

    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    /// <summary>
    /// Compares <paramref name="received"/> (line endings already <c>\n</c>) with the verified file: null when they agree
    /// or the run accepts snapshots, else what differs (and the received file is written).
    /// </summary>
    public static string? Compare(string verifiedPath, string received)
    {
        var receivedPath = verifiedPath.Replace(".verified.", ".received.", StringComparison.Ordinal);
        var expected = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (expected == received)
        {
            File.Delete(receivedPath);
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(verifiedPath)!);
        if (Accepting)
        {
            File.WriteAllText(verifiedPath, received, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return null;
        }

        File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
        return expected is null
            ? $"{Path.GetFileName(verifiedPath)} does not exist yet."
            : $"{Path.GetFileName(verifiedPath)} differs:\n{FirstDifference(expected, received)}";
    }

    public static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');

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
                return $"  line {i + 1}\n  - {left}\n  + {right}";
            }
        }

        return "  (line endings only)";
    }
}
