using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Stagehand.Contracts;

/// <summary>
/// The state of one read: the input, the options, the JSON Pointer of the current value, and the errors found. Generated
/// readers pass it by reference. Errors are counted always and recorded up to the cap; inside a trial (a union case
/// being tried) they are counted but not recorded. The pointer is only turned into a string when an error is recorded,
/// so reading a valid document allocates nothing here.
/// </summary>
/// <remarks>
/// The context rents its pointer stack from <see cref="ArrayPool{T}.Shared"/>; call <see cref="Dispose"/> when the read is
/// over (<see cref="ContractJson"/> does). Generated code brackets each member with <see cref="PushProperty"/> (while the
/// reader is on the member's name) and <see cref="Pop"/>, and each array item with <see cref="PushIndex"/> and
/// <see cref="Pop"/>; errors are reported at the pointer so formed. Entering a member or item also checks that the thread
/// has stack left to go deeper, and throws <see cref="InsufficientExecutionStackException"/> when it has not; the entry
/// points of <see cref="ContractJson"/> turn that into a <c>maxDepth</c> error.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref partial struct ContractReadContext
{
    private const int InitialPathCapacity = 16;

    private const string StackExhaustedMessage = "The document nests deeper than the stack of the reading thread allows; read it on a thread with a larger stack, or lower MaxDepth.";

    private readonly ReadOnlySpan<byte> _input;
    private readonly ContractReadOptions _options;
    private PathSegment[]? _path;
    private int _pathCount;
    private NameTable? _nameTables;
    private List<ValidationError>? _errors;
    private int _errorCount;
    private int _trialDepth;
    private bool _truncated;

    /// <summary>The dynamic scope: the numbers of the resources entered, outermost first (see <c>EnterScope</c>).</summary>
    private int[]? _scopes;
    private int _scopeCount;

    /// <summary>What in-place subschemas evaluated, for <c>unevaluatedProperties</c> and <c>unevaluatedItems</c> (see <c>BeginEvaluation</c>).</summary>
    private EvaluatedPart[]? _evaluated;
    private int _evaluatedCount;
    private int _evaluationDepth;

    /// <summary>For each open trial, how many evaluated parts there were when it began (-1: none were being recorded).</summary>
    private int[]? _trialMarks;

    /// <summary>Starts a read of <paramref name="utf8Json"/>.</summary>
    /// <param name="utf8Json">The whole input; every reader of this context must read it (member names are located in it).</param>
    /// <param name="options">The options, or null for <see cref="ContractReadOptions.Default"/>.</param>
    public ContractReadContext(ReadOnlySpan<byte> utf8Json, ContractReadOptions? options)
    {
        _input = utf8Json;
        _options = options ?? ContractReadOptions.Default;
        _path = null;
        _pathCount = 0;
        _errors = null;
        _errorCount = 0;
        _trialDepth = 0;
        _truncated = false;
        _scopes = null;
        _scopeCount = 0;
        _evaluated = null;
        _evaluatedCount = 0;
        _evaluationDepth = 0;
        _trialMarks = null;
    }

    /// <summary>The options of this read.</summary>
    public readonly ContractReadOptions Options => _options ?? ContractReadOptions.Default;

    /// <summary>The policy for undeclared members.</summary>
    public readonly ReadPolicy Policy => Options.Policy;

    /// <summary>How many errors were found so far (recorded, muted or past the cap).</summary>
    public readonly int ErrorCount => _errorCount;

    /// <summary>
    /// A reader over the input that rejects comments and trailing commas and enforces <see cref="ContractReadOptions.MaxDepth"/>.
    /// </summary>
    public readonly Utf8JsonReader CreateReader() => new Utf8JsonReader(_input, new JsonReaderOptions
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = Options.MaxDepth,
    });

    /// <summary>
    /// Moves to the first token. Records an error and returns false when the input is empty or not valid UTF-8.
    /// </summary>
    /// <remarks>The whole input is checked for valid UTF-8 here, once; a reader failure on the first token is recorded too.</remarks>
    public bool ReadFirstToken(ref Utf8JsonReader reader)
    {
        if (!Utf8.IsValid(_input))
        {
            RecordAtRoot("json", "The document is not valid UTF-8 text.");
            return false;
        }

        if (_input.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            RecordAtRoot("json", "The document is empty.");
            return false;
        }

        try
        {
            if (reader.Read())
            {
                return true;
            }
        }
        catch (JsonException exception)
        {
            AddJsonError(exception, ref reader);
            return false;
        }

        RecordAtRoot("json", "The document is empty.");
        return false;
    }

    /// <summary>Records an error when anything but white space follows the document.</summary>
    public void ExpectEnd(ref Utf8JsonReader reader)
    {
        bool more;
        try
        {
            more = reader.Read();
        }
        catch (JsonException)
        {
            more = true;
        }

        if (more)
        {
            RecordAtRoot("json", "Unexpected content after the document.");
        }
    }

    /// <summary>
    /// Records a reader failure as an error at the current pointer: <c>maxDepth</c> when the nesting limit was passed,
    /// <c>json</c> for anything else that is not JSON (comments, trailing commas, invalid UTF-8, truncation).
    /// </summary>
    /// <remarks>
    /// The read is over after a reader failure, so any trial in progress is abandoned and the error is recorded. The message
    /// never quotes the input.
    /// </remarks>
    public void AddJsonError(JsonException exception, ref Utf8JsonReader reader)
    {
        ArgumentNullException.ThrowIfNull(exception);
        _trialDepth = 0;
        int offset = ErrorOffset(exception, ref reader);

        int depth = 0;
        bool inString = false;
        byte lastSignificant = 0;
        for (int k = 0; k < offset; k++)
        {
            byte b = _input[k];
            if (inString)
            {
                if (b == '\\')
                {
                    k++;
                }
                else if (b == '"')
                {
                    inString = false;
                    lastSignificant = b;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)'{':
                case (byte)'[':
                    depth++;
                    lastSignificant = b;
                    break;
                case (byte)'}':
                case (byte)']':
                    depth--;
                    lastSignificant = b;
                    break;
                case (byte)' ':
                case (byte)'\t':
                case (byte)'\r':
                case (byte)'\n':
                    break;
                default:
                    lastSignificant = b;
                    break;
            }
        }

        int at = offset < _input.Length ? _input[offset] : -1;
        if (!inString && at is '{' or '[' && depth >= Options.MaxDepth)
        {
            AddError("maxDepth", "The document nests deeper than " + Options.MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels.");
        }
        else if (_input.Slice(offset).IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            AddError("json", "The document ends before it is complete.");
        }
        else if (inString)
        {
            AddError("json", "A string holds a control character or an invalid escape sequence.");
        }
        else if (at == '/')
        {
            AddError("json", "Comments are not allowed.");
        }
        else if (at is '}' or ']' && lastSignificant == ',')
        {
            AddError("json", "Trailing commas are not allowed.");
        }
        else
        {
            AddError("json", "The document is not valid JSON.");
        }
    }

    /// <summary>Enters the member whose name is at <paramref name="reader"/> (a property-name token).</summary>
    /// <exception cref="InvalidOperationException">The reader is not on a member name of this context's input.</exception>
    /// <exception cref="InsufficientExecutionStackException">The thread's stack is nearly used up (the pointer then includes this member).</exception>
    public void PushProperty(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.PropertyName || reader.HasValueSequence)
        {
            throw new InvalidOperationException("The reader must be on a member name of the context's input.");
        }

        int start = OffsetOf(reader.ValueSpan);
        Push(new PathSegment(start, reader.ValueSpan.Length, reader.ValueIsEscaped));
    }

    /// <summary>Enters the array item at <paramref name="index"/>.</summary>
    /// <exception cref="InsufficientExecutionStackException">The thread's stack is nearly used up (the pointer then includes this item).</exception>
    public void PushIndex(int index) => Push(new PathSegment(index, -1, escaped: false));

    /// <summary>Leaves the member or item entered last.</summary>
    public void Pop()
    {
        if (_pathCount > 0)
        {
            _pathCount--;
        }
    }

    /// <summary>Records an error at the current pointer.</summary>
    /// <param name="keyword">The keyword broken.</param>
    /// <param name="message">A message that does not quote the input.</param>
    public void AddError(string keyword, string message) => Record(keyword, message, member: null, root: false);

    /// <summary>Records an error at the current pointer plus <paramref name="memberName"/> (for a missing required member).</summary>
    public void AddMemberError(string keyword, string memberName, string message) => Record(keyword, message, memberName, root: false);

    /// <summary>Starts trying a union case: errors are counted but not recorded. Returns a mark for <see cref="EndTrial"/>.</summary>
    public int BeginTrial()
    {
        RememberTrialMark();
        _trialDepth++;
        return _errorCount;
    }

    /// <summary>Ends a trial: forgets its errors and returns whether it had none.</summary>
    /// <param name="mark">What <see cref="BeginTrial"/> returned.</param>
    public bool EndTrial(int mark)
    {
        if (_trialDepth > 0)
        {
            _trialDepth--;
        }

        bool clean = _errorCount == mark;
        _errorCount = mark;
        ForgetTrialMark(clean);
        return clean;
    }

    /// <summary>The result: <see cref="ValidationResult.Valid"/> when nothing was found.</summary>
    public readonly ValidationResult ToResult()
    {
        if (_errors is null || _errors.Count == 0)
        {
            return ValidationResult.Valid;
        }

        return new ValidationResult(_errors.ToArray(), _truncated);
    }

    /// <summary>
    /// Marks member <paramref name="index"/> (0-63) of the current object as seen in <paramref name="seen"/>; records a
    /// <c>duplicate</c> error and returns false when it was seen before.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not between 0 and 63 (use one mask per 64 members).</exception>
    public bool MarkSeen(ref ulong seen, int index)
    {
        if ((uint)index > 63)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "A mask holds 64 members; use one mask per 64 members.");
        }

        ulong bit = 1UL << index;
        if ((seen & bit) != 0)
        {
            AddError("duplicate", "The member appears more than once.");
            return false;
        }

        seen |= bit;
        return true;
    }

    /// <summary>
    /// Handles an undeclared member whose name is at <paramref name="reader"/>: rejects a repeated name
    /// (<c>duplicate</c>), a server-assigned member of a create or update request (<c>readOnly</c>, whatever the policy),
    /// and, under the effective policy, an unknown member (<c>additionalProperties</c>). Leaves the reader on the member's
    /// value. Returns true when the caller should keep the value (declared <see cref="UnknownMembers.Keep"/> and the
    /// policy is not strict); otherwise the caller skips it.
    /// </summary>
    /// <remarks>
    /// Call it after <see cref="PushProperty"/>, so that errors point at the member. A name that is not valid text (a lone
    /// surrogate escape) or longer than <see cref="ContractReadOptions.MaxStringLength"/> is an error too. To keep a member,
    /// use the overload that also gives its name.
    /// </remarks>
    public bool UnknownMember(ref Utf8JsonReader reader, ref MemberNameSet names, UnknownMembers declared, string[]? readOnlyMembers) =>
        UnknownMember(ref reader, ref names, declared, readOnlyMembers, build: false, out _);

    /// <summary>
    /// The same as <see cref="UnknownMember(ref Utf8JsonReader, ref MemberNameSet, UnknownMembers, string[])"/>, and gives the
    /// member's name when it is kept and <paramref name="build"/> is true (null otherwise).
    /// </summary>
    public bool UnknownMember(ref Utf8JsonReader reader, ref MemberNameSet names, UnknownMembers declared, string[]? readOnlyMembers, bool build, out string? name)
    {
        name = null;
        bool keep = false;
        if (!names.Add(ref reader, ref this))
        {
            AddError("duplicate", "The member appears more than once.");
        }
        else if (CheckName(ref reader))
        {
            if (readOnlyMembers is not null && IsAnyOf(ref reader, readOnlyMembers))
            {
                AddError("readOnly", "This member is assigned by the server and cannot be set.");
            }
            else
            {
                UnknownMembers effective = Policy switch
                {
                    ReadPolicy.Strict => UnknownMembers.Reject,
                    ReadPolicy.Tolerant => UnknownMembers.Drop,
                    _ => declared,
                };
                switch (effective)
                {
                    case UnknownMembers.Reject:
                        AddError("additionalProperties", "The contract does not allow members it does not declare.");
                        break;
                    case UnknownMembers.Keep:
                        keep = true;
                        if (build)
                        {
                            name = reader.GetString();
                        }

                        break;
                }
            }
        }

        reader.Read();
        return keep;
    }

    /// <summary>Reads a member name (for maps and kept members), checking it is valid text within the length limit.</summary>
    /// <remarks>
    /// Rejects a repeated name (<c>duplicate</c>) through <paramref name="names"/>. The reader stays on the name. The name is
    /// only allocated when <paramref name="build"/> is true.
    /// </remarks>
    public bool TryReadPropertyName(ref Utf8JsonReader reader, ref MemberNameSet names, bool build, out string? name)
    {
        name = null;
        if (!names.Add(ref reader, ref this))
        {
            AddError("duplicate", "The member appears more than once.");
            return false;
        }

        if (!CheckName(ref reader))
        {
            return false;
        }

        if (build)
        {
            name = reader.GetString();
        }

        return true;
    }

    /// <summary>Returns the rented pointer stack to its pool. The context must not be used afterwards.</summary>
    public void Dispose()
    {
        ReturnScopes();
        ReturnEvaluated();
        NameTable.ReturnAll(_nameTables);
        _nameTables = null;
        PathSegment[]? path = _path;
        _path = null;
        _pathCount = 0;
        if (path is not null)
        {
            ArrayPool<PathSegment>.Shared.Return(path);
        }
    }

    /// <summary>A name table for an object with many members, given back when the read is disposed.</summary>
    internal NameTable RentNameTable()
    {
        NameTable table = NameTable.Rent();
        table.Next = _nameTables;
        _nameTables = table;
        return table;
    }

    /// <summary>
    /// Records that the thread's stack ran short before <see cref="ContractReadOptions.MaxDepth"/> was reached: a
    /// <c>maxDepth</c> error at the value being entered. The read is over, so any trial in progress is abandoned.
    /// </summary>
    internal void RecordStackExhausted()
    {
        _trialDepth = 0;
        AddError("maxDepth", StackExhaustedMessage);
    }

    /// <summary>Records an error at the document itself, wherever the pointer is.</summary>
    internal void RecordAtRoot(string keyword, string message) => Record(keyword, message, member: null, root: true);

    /// <summary>Records a failure while the reader was inside generated code (<see cref="ContractJson"/>): the read is over.</summary>
    internal void AbandonTrials() => _trialDepth = 0;

    /// <summary>Whether the input holds a string escape that is not valid Unicode text (a lone surrogate).</summary>
    internal readonly bool InputHasInvalidEscape() => !JsonText.Validate(_input, out _);

    /// <summary>Locates <paramref name="slice"/>, which must be part of the input.</summary>
    internal readonly int OffsetOf(ReadOnlySpan<byte> slice)
    {
        long offset = (long)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(_input), ref MemoryMarshal.GetReference(slice));
        if (offset < 0 || offset + slice.Length > _input.Length)
        {
            throw new InvalidOperationException("The reader must read the context's input.");
        }

        return (int)offset;
    }

    /// <summary>The raw (escaped) bytes of a name in the input.</summary>
    internal readonly ReadOnlySpan<byte> Slice(int start, int length) => _input.Slice(start, length);

    private readonly bool IsAnyOf(ref Utf8JsonReader reader, string[] names)
    {
        foreach (string candidate in names)
        {
            if (reader.ValueTextEquals(candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Checks a member name: valid text, within the length limit.</summary>
    private bool CheckName(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> raw = reader.ValueSpan;
        int length = raw.Length;
        if (reader.ValueIsEscaped && !JsonText.Validate(raw, out length))
        {
            AddError("json", "The member name is not valid Unicode text.");
            return false;
        }

        if (length > Options.MaxStringLength)
        {
            AddError("maxStringLength", "The member name is longer than the limit of " + Options.MaxStringLength.ToString(CultureInfo.InvariantCulture) + " bytes.");
            return false;
        }

        return true;
    }

    private void Push(PathSegment segment)
    {
        if (_path is null)
        {
            _path = ArrayPool<PathSegment>.Shared.Rent(InitialPathCapacity);
        }
        else if (_pathCount == _path.Length)
        {
            PathSegment[] larger = ArrayPool<PathSegment>.Shared.Rent(_path.Length * 2);
            _path.AsSpan(0, _pathCount).CopyTo(larger);
            ArrayPool<PathSegment>.Shared.Return(_path);
            _path = larger;
        }

        _path[_pathCount++] = segment;

        // The one stack guard of every read: generated readers, and the walk of any value, enter each nested member or item
        // here, so however they recurse, none goes deeper without this check. Run turns the exception into a maxDepth error at
        // this pointer (RecordStackExhausted); the read is over, as after a reader failure.
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new InsufficientExecutionStackException(StackExhaustedMessage);
        }
    }

    private void Record(string keyword, string message, string? member, bool root)
    {
        _errorCount++;
        if (_trialDepth > 0)
        {
            return;
        }

        _errors ??= new List<ValidationError>();
        if (_errors.Count >= Options.MaxErrors)
        {
            _truncated = true;
            return;
        }

        _errors.Add(new ValidationError(root ? string.Empty : BuildPointer(member), keyword, message));
    }

    private readonly string BuildPointer(string? member)
    {
        if (_pathCount == 0 && member is null)
        {
            return string.Empty;
        }

        StringBuilder builder = new StringBuilder();
        for (int i = 0; i < _pathCount; i++)
        {
            PathSegment segment = _path![i];
            if (segment.IsIndex)
            {
                builder.Append('/').Append(segment.Start.ToString(CultureInfo.InvariantCulture));
                continue;
            }

            ReadOnlySpan<byte> raw = _input.Slice(segment.Start, segment.Length);
            string name;
            if (segment.Escaped)
            {
                byte[] buffer = new byte[raw.Length];
                JsonText.TryUnescape(raw, buffer, out int written, lenient: true);
                name = Encoding.UTF8.GetString(buffer, 0, written);
            }
            else
            {
                name = Encoding.UTF8.GetString(raw);
            }

            JsonText.AppendPointerToken(builder, name.AsSpan());
        }

        if (member is not null)
        {
            JsonText.AppendPointerToken(builder, member.AsSpan());
        }

        return builder.ToString();
    }

    private readonly int ErrorOffset(JsonException exception, ref Utf8JsonReader reader)
    {
        if (exception.LineNumber is long line && exception.BytePositionInLine is long column)
        {
            int lineStart = 0;
            for (long l = 0; l < line; l++)
            {
                int newline = _input.Slice(lineStart).IndexOf((byte)'\n');
                if (newline < 0)
                {
                    return _input.Length;
                }

                lineStart += newline + 1;
            }

            return (int)Math.Clamp(lineStart + column, 0, _input.Length);
        }

        return (int)Math.Clamp(reader.BytesConsumed, 0, _input.Length);
    }

    /// <summary>One step of the pointer: a member name located in the input, or an array index.</summary>
    internal readonly struct PathSegment
    {
        public PathSegment(int start, int length, bool escaped)
        {
            Start = start;
            Length = length;
            Escaped = escaped;
        }

        /// <summary>The offset of the name in the input, or the index.</summary>
        public int Start { get; }

        /// <summary>The raw length of the name; -1 for an index.</summary>
        public int Length { get; }

        /// <summary>Whether the raw name holds escapes.</summary>
        public bool Escaped { get; }

        public bool IsIndex => Length < 0;
    }
}
