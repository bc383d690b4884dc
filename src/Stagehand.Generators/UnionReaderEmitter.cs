using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Stagehand.Schema;
using static Stagehand.Generators.GeneratedNames;

namespace Stagehand.Generators;

/// <summary>
/// Writes how a union node picks its case: by the discriminator member when there is one, else by the JSON type of
/// the value; when several cases accept that type, each is tried with its errors muted. A case that is the only
/// candidate is read directly, so its errors are reported with their own pointers.
/// </summary>
internal static class UnionReaderEmitter
{
    private static readonly (string Token, JsonTypes Types)[] TokenKinds =
    {
        ("StartObject", JsonTypes.Object),
        ("StartArray", JsonTypes.Array),
        ("String", JsonTypes.String),
        ("Number", JsonTypes.Number | JsonTypes.Integer),
        ("True", JsonTypes.Boolean),
        ("False", JsonTypes.Boolean),
    };

    public static void Emit(SourceWriter writer, NodeSpec node)
    {
        var union = node.OwnType!;
        var keyword = node.ExactlyOneCase ? "oneOf" : "anyOf";
        var caseList = string.Join(", ", node.Cases.Select(c => c.CaseName));
        var consumes = node.UnionReadsInPlace;
        var target = consumes ? "reader" : "copy";
        writer.WriteLine("var matched = 0;");
        if (consumes)
        {
            writer.WriteLine("var consumed = false;");
        }

        writer.OpenBlock("switch (start.TokenType)");
        if (node.Nullable)
        {
            writer.WriteLine("case " + Json + "JsonTokenType.Null:");
            writer.WriteLine("    matched = 1;");
            writer.WriteLine("    break;");
        }

        foreach (var group in TokenKinds.GroupBy(k => k.Types))
        {
            var candidates = node.Cases.Where(c => c.Reader.Accepts == JsonTypes.None || (c.Reader.Accepts & group.Key) != 0).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            foreach (var (token, _) in group)
            {
                writer.WriteLine("case " + Json + "JsonTokenType." + token + ":");
            }

            writer.OpenBlock(string.Empty);
            if (group.Key == JsonTypes.Object && node.Discriminator is not null && candidates.All(c => c.DiscriminatorValue is not null))
            {
                EmitDiscriminated(writer, node, union, candidates, target);
            }
            else if (candidates.Count == 1)
            {
                EmitDirect(writer, union, candidates[0], target);
            }
            else if (group.Key == JsonTypes.Object && CaseFilter.Applies(candidates))
            {
                CaseFilter.Emit(writer, node, candidates, c => EmitDirect(writer, union, c, target), (list, guards) => EmitTrials(writer, node, union, list, guards, target));
            }
            else
            {
                EmitTrials(writer, node, union, candidates, null, target);
            }

            writer.WriteLine("break;");
            writer.CloseBlock();
        }

        writer.CloseBlock();
        if (consumes)
        {
            writer.WriteLine("if (!consumed) reader.Skip();");
        }

        writer.WriteLine("if (matched == 0 && context.ErrorCount == mark) context.AddError(\"" + keyword + "\", " +
            Identifiers.Literal("The value matches none of: " + caseList + ".") + ");");
        if (node.ExactlyOneCase)
        {
            writer.WriteLine("else if (matched > 1) context.AddError(\"oneOf\", " + Identifiers.Literal("The value matches more than one of: " + caseList + ".") + ");");
        }
    }

    /// <summary>Reads the one possible case from <paramref name="target"/>: the reader itself, or a copy of the start.</summary>
    private static void EmitDirect(SourceWriter writer, TypeRef union, UnionCaseReader candidate, string target)
    {
        if (target == "copy")
        {
            writer.WriteLine("var copy = start;");
        }
        else
        {
            writer.WriteLine("consumed = true;");
        }

        writer.OpenBlock("if (" + candidate.Reader.Call + "(ref " + target + ", ref context, build, out var caseValue))");
        writer.WriteLine("matched = 1;");
        writer.WriteLine("if (build) value = " + union.FullName + ".From" + candidate.CaseName + "(caseValue" + Bang(candidate) + ");");
        writer.CloseBlock();
        writer.WriteLine("else matched = -1;");
    }

    /// <summary>
    /// Tries each candidate with its errors muted and without building; then reads the first that matched again,
    /// building it, so that a case that fails costs no allocation.
    /// </summary>
    internal static void EmitTrials(SourceWriter writer, NodeSpec node, TypeRef union, IReadOnlyList<UnionCaseReader> candidates, IReadOnlyList<string>? guards, string target)
    {
        writer.WriteLine("var winner = -1;");
        for (var i = 0; i < candidates.Count; i++)
        {
            var guard = guards is null ? string.Empty : guards[i] + " && ";
            writer.OpenBlock("if (" + guard + (node.ExactlyOneCase ? "true" : "matched == 0") + ")");
            writer.WriteLine("var copy = start;");
            writer.WriteLine("var trial = context.BeginTrial();");
            writer.WriteLine(candidates[i].Reader.Call + "(ref copy, ref context, false, out _);");
            writer.WriteLine("if (context.EndTrial(trial) && ++matched == 1) winner = " + Invariant(i) + ";");
            writer.CloseBlock();
        }

        writer.OpenBlock("if (build && matched == 1)");
        writer.OpenBlock("switch (winner)");
        for (var i = 0; i < candidates.Count; i++)
        {
            writer.OpenBlock("case " + Invariant(i) + ":");
            if (target == "copy")
            {
                writer.WriteLine("var copy = start;");
            }
            else
            {
                writer.WriteLine("consumed = true;");
            }

            writer.WriteLine("if (" + candidates[i].Reader.Call + "(ref " + target + ", ref context, true, out var caseValue)) value = " + union.FullName + ".From" + candidates[i].CaseName + "(caseValue" + Bang(candidates[i]) + ");");
            writer.WriteLine("break;");
            writer.CloseBlock();
        }

        writer.CloseBlock();
        writer.CloseBlock();
    }


    private static void EmitDiscriminated(SourceWriter writer, NodeSpec node, TypeRef union, List<UnionCaseReader> candidates, string target)
    {
        writer.WriteLine("var probe = start;");
        writer.WriteLine("var chosen = -1;");
        writer.OpenBlock("while (probe.Read() && probe.TokenType == " + Json + "JsonTokenType.PropertyName)");
        writer.WriteLine("var isTag = probe.ValueTextEquals(" + Identifiers.Literal(node.Discriminator!) + "u8);");
        writer.WriteLine("probe.Read();");
        writer.OpenBlock("if (isTag)");
        for (var i = 0; i < candidates.Count; i++)
        {
            writer.WriteLine((i == 0 ? "if" : "else if") + " (probe.TokenType == " + Json + "JsonTokenType.String && probe.ValueTextEquals(" +
                Identifiers.Literal(candidates[i].DiscriminatorValue!) + "u8)) chosen = " + i.ToString(CultureInfo.InvariantCulture) + ";");
        }

        writer.WriteLine("break;");
        writer.CloseBlock();
        writer.WriteLine("probe.Skip();");
        writer.CloseBlock();
        writer.OpenBlock("switch (chosen)");
        for (var i = 0; i < candidates.Count; i++)
        {
            writer.OpenBlock("case " + i.ToString(CultureInfo.InvariantCulture) + ":");
            EmitDirect(writer, union, candidates[i], target);
            writer.WriteLine("break;");
            writer.CloseBlock();
        }

        writer.OpenBlock("default:");
        writer.WriteLine("context.AddMemberError(\"discriminator\", " + Identifiers.Literal(node.Discriminator!) + ", " +
            Identifiers.Literal("The member '" + node.Discriminator + "' must be one of: " + string.Join(", ", candidates.Select(c => c.DiscriminatorValue)) + ".") + ");");
        writer.WriteLine("matched = -1;");
        writer.WriteLine("break;");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static string Bang(UnionCaseReader candidate) => candidate.Conversion switch
    {
        CaseValueConversion.NullForgiving => "!",
        CaseValueConversion.ValueOrDefault => ".GetValueOrDefault()",
        _ => string.Empty,
    };
}
