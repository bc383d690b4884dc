using System;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.CodeAnalysis.Text;
using Stagehand.Analyzers.Tests.Infrastructure;
using Stagehand.Schema.Operations;

namespace Stagehand.Analyzers.Tests.Operations;

/// <summary>
/// The operations reader never throws on hostile input: random JSON built from the format's own member names (so that
/// it reaches deep into the reader), and random edits of the repository's operations files (so that it is nearly
/// right). Whatever it reads, no exception reaches the last-resort catch, and every problem is placed inside the text.
/// </summary>
public sealed class OperationsReaderPropertyTests
{
    /// <summary>How many inputs a run tries (<c>STAGEHAND_OPERATIONS_SAMPLES</c> for a longer run).</summary>
    private static readonly int Samples = int.TryParse(Environment.GetEnvironmentVariable("STAGEHAND_OPERATIONS_SAMPLES"), out var n) ? n : 2000;

    private static readonly string[] Names =
    [
        "$schema", "$comment", "description", "x-stagehand-visibility", "errorEnvelope", "http", "rpc", "getPet", "get-pet",
        "method", "path", "pathParameters", "query", "requiredQuery", "request", "responses", "required", "$ref", "200",
        "204", "4XX", "4xx", "default", "600", "params", "result", "errors", "-32602", "-0", "notification", "message",
        "data", "type", "minlength", "properties", "items", "$defs", "id", "x-team", "x-stagehand-nope", "", "\\u00e9",
    ];

    private static readonly string[] Strings =
    [
        "GET", "get", "FETCH", "/pets/{id}", "/pets/{", "/pets//x", "/pets/{a}{b}", "/", "Pet.schema.json", "../Pet.schema.json#/$defs/Id",
        "https://example.com/pet", "public", "internal", "string", "", "{", "}", "\\ud800", "\\u0000", "é🐕", "%zz",
        "https://stagehand-contracts.dev/schemas/operations.v1.json",
    ];

    private static readonly Gen<string> Scalar = Gen.OneOf<string>(
        Gen.OneOf(Strings).Select(Quote),
        Gen.String.Select(Quote),
        Gen.OneOf("null", "true", "false", "0", "-1", "1e400", "-0.0", "12345678901234567890", "0.5"),
        Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static readonly Gen<string> Json = Gen.Recursive<string>((depth, json) => depth >= 6
        ? Scalar
        : Gen.Frequency<string>(
            (3, Scalar),
            (2, json.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]")),
            (5, Gen.Select(Gen.OneOf<string>(Gen.OneOf(Names), Gen.String), json).Array[0, 5]
                .Select(members => "{" + string.Join(",", members.Select(m => Quote(m.Item1) + ":" + m.Item2)) + "}"))));

    private static readonly string[] Valid =
    [
        File.ReadAllText(Path.Combine(RepositoryPaths.Schemas, "v4", "llms.operations.json")),
        File.ReadAllText(Path.Combine(RepositoryPaths.Schemas, "v4", "browsersession.operations.json")),
    ];

    /// <summary>One edit of a text: delete, insert, replace or repeat a few characters at a place.</summary>
    private static readonly Gen<(int Kind, double Where, int Length, char Character)> Edit =
        Gen.Select(Gen.Int[0, 3], Gen.Double[0, 1], Gen.Int[1, 12], Gen.OneOf('{', '}', '[', ']', '"', ':', ',', '\\', ' ', '\n', '0', '-', 'x', 'é', '\uD83D', '{'));

    [Fact]
    public void RandomJsonNeverThrows()
    {
        var withOperations = 0;
        Json.Sample(
            text =>
            {
                if (!AssertReads("{\"http\":" + text + "}").Http.IsEmpty)
                {
                    System.Threading.Interlocked.Increment(ref withOperations);
                }

                AssertReads(text);
            },
            iter: Samples);

        // Not a vacuous pass: some random files reach the operations themselves.
        Assert.True(withOperations > Samples / 100, $"only {withOperations} of {Samples} random files had an operation");
    }

    [Fact]
    public void EditedOperationsFilesNeverThrow() =>
        Gen.Select(Gen.Int[0, Valid.Length - 1], Edit.Array[1, 6])
            .Sample((file, edits) => { AssertReads(Apply(Valid[file], edits)); }, iter: Samples);

    private static OperationsDocument AssertReads(string text)
    {
        var document = OperationsReader.ReadFile("/fuzz/pets.operations.json", SourceText.From(text));
        foreach (var problem in document.Problems)
        {
            // ReadFile's last resort turns an exception into this problem: the reader itself must never get there.
            Assert.False(problem.Message.StartsWith("The operations file could not be read", StringComparison.Ordinal), problem.Message + " for " + text);
            var location = problem.Location;
            Assert.True(location.Start >= 0 && location.Length >= 0 && location.Start + location.Length <= text.Length, $"{problem} is outside the text of {text.Length} characters");
            Assert.True(location.StartLine >= 0 && location.EndLine >= location.StartLine, problem.ToString());
            Assert.False(string.IsNullOrEmpty(problem.Message));
        }

        return document;
    }

    private static string Apply(string text, (int Kind, double Where, int Length, char Character)[] edits)
    {
        var builder = new StringBuilder(text);
        foreach (var (kind, where, length, character) in edits)
        {
            var at = Math.Min(builder.Length, (int)(where * builder.Length));
            var count = Math.Min(length, builder.Length - at);
            switch (kind)
            {
                case 0:
                    builder.Remove(at, count);
                    break;
                case 1:
                    builder.Insert(at, new string(character, 1 + (length % 3)));
                    break;
                case 2:
                    for (var i = at; i < at + count; i++)
                    {
                        builder[i] = character;
                    }

                    break;
                default:
                    builder.Insert(at, builder.ToString(at, count));
                    break;
            }
        }

        return builder.ToString();
    }

    private static string Quote(string value)
    {
        // Names and strings above are written as JSON string contents (escapes kept); random strings are escaped here.
        if (Names.Contains(value) || Strings.Contains(value))
        {
            return "\"" + value + "\"";
        }

        return System.Text.Json.JsonSerializer.Serialize(value);
    }
}
