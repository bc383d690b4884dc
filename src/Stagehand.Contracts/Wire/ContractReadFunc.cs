using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Stagehand.Contracts;

/// <summary>
/// A generated reader: validates the value at <paramref name="reader"/> (which it leaves on the value's last token),
/// reports every violation to <paramref name="context"/>, and, when <paramref name="build"/> is true and the value is
/// valid, builds it. Returns whether the value was valid.
/// </summary>
public delegate bool ContractReadFunc<T>(ref Utf8JsonReader reader, ref ContractReadContext context, bool build, [MaybeNullWhen(false)] out T value);
