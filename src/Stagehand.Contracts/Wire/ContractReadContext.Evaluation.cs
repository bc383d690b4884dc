using System;
using System.Buffers;
using System.ComponentModel;
using System.Text.Json;

namespace Stagehand.Contracts;

/// <content>
/// What subschemas applied in place evaluated, for <c>unevaluatedProperties</c> and <c>unevaluatedItems</c>. A schema
/// with one of them calls <see cref="BeginEvaluation"/>; while one is open, the readers of the schemas it applies in
/// place record the members and items they evaluated, each with the instance (the offset of its object or array in the
/// input) it belongs to. A trial that fails forgets what it recorded, since a failed subschema evaluates nothing.
/// Nothing is recorded, and nothing allocated, while no such schema is open.
/// </content>
public ref partial struct ContractReadContext
{
    /// <summary>Whether some schema with <c>unevaluatedProperties</c> or <c>unevaluatedItems</c> is collecting what is evaluated.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly bool TracksEvaluation => _evaluationDepth > 0;

    /// <summary>Starts collecting what is evaluated; returns where this collection starts, for the <c>Is…Evaluated</c> checks.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public int BeginEvaluation()
    {
        _evaluationDepth++;
        return _evaluatedCount;
    }

    /// <summary>Ends the most recent <see cref="BeginEvaluation"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void EndEvaluation()
    {
        if (_evaluationDepth > 0)
        {
            _evaluationDepth--;
        }

        if (_evaluationDepth == 0)
        {
            _evaluatedCount = 0;
        }
    }

    /// <summary>Records that the member name the reader is on, in the object at offset <paramref name="instance"/>, was evaluated.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void MarkEvaluatedProperty(int instance, ref Utf8JsonReader reader)
    {
        int start = OffsetOf(reader.ValueSpan);
        Add(new EvaluatedPart(instance, EvaluatedKind.Property, start, reader.ValueSpan.Length, reader.ValueIsEscaped));
    }

    /// <summary>Records that every member of the object at <paramref name="instance"/> was evaluated.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void MarkAllProperties(int instance) => Add(new EvaluatedPart(instance, EvaluatedKind.AllProperties, 0, 0, false));

    /// <summary>Records that the first <paramref name="count"/> items of the array at <paramref name="instance"/> were evaluated.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void MarkItemsUpTo(int instance, int count) => Add(new EvaluatedPart(instance, EvaluatedKind.ItemsUpTo, count, 0, false));

    /// <summary>Records that the item at <paramref name="index"/> of the array at <paramref name="instance"/> was evaluated.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void MarkItem(int instance, int index) => Add(new EvaluatedPart(instance, EvaluatedKind.Item, index, 0, false));

    /// <summary>Whether the member name the reader is on was evaluated in the object at <paramref name="instance"/> since <paramref name="from"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly bool IsPropertyEvaluated(int from, int instance, ref Utf8JsonReader reader)
    {
        for (int i = from; i < _evaluatedCount; i++)
        {
            EvaluatedPart part = _evaluated![i];
            if (part.Instance != instance)
            {
                continue;
            }

            if (part.Kind == EvaluatedKind.AllProperties)
            {
                return true;
            }

            if (part.Kind == EvaluatedKind.Property && SameName(part, ref reader))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the item at <paramref name="index"/> of the array at <paramref name="instance"/> was evaluated since <paramref name="from"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly bool IsItemEvaluated(int from, int instance, int index)
    {
        for (int i = from; i < _evaluatedCount; i++)
        {
            EvaluatedPart part = _evaluated![i];
            if (part.Instance == instance
                && ((part.Kind == EvaluatedKind.ItemsUpTo && index < part.Start) || (part.Kind == EvaluatedKind.Item && index == part.Start)))
            {
                return true;
            }
        }

        return false;
    }

    private readonly bool SameName(EvaluatedPart part, ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> recorded = _input.Slice(part.Start, part.Length);
        if (!part.Escaped && !reader.ValueIsEscaped)
        {
            return recorded.SequenceEqual(reader.ValueSpan);
        }

        if (!part.Escaped)
        {
            return reader.ValueTextEquals(recorded);
        }

        // The recorded name is escaped: unescape it and compare with the name at the reader, which unescapes its own.
        byte[] buffer = ArrayPool<byte>.Shared.Rent(recorded.Length);
        try
        {
            return JsonText.TryUnescape(recorded, buffer, out int written) && reader.ValueTextEquals(buffer.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Add(EvaluatedPart part)
    {
        if (_evaluationDepth == 0)
        {
            return;
        }

        Pooled.Append(ref _evaluated, ref _evaluatedCount, part);
    }

    /// <summary>At the start of a trial: how much was recorded, so that a failed trial can forget what it recorded.</summary>
    private void RememberTrialMark()
    {
        if (_evaluationDepth == 0 && _trialMarks is null)
        {
            return;
        }

        if (_trialMarks is null || _trialDepth >= _trialMarks.Length)
        {
            int[] grown = ArrayPool<int>.Shared.Rent(Math.Max(16, (_trialDepth + 1) * 2));
            grown.AsSpan().Fill(-1);
            if (_trialMarks is not null)
            {
                _trialMarks.AsSpan(0, Math.Min(_trialMarks.Length, grown.Length)).CopyTo(grown);
                ArrayPool<int>.Shared.Return(_trialMarks);
            }

            _trialMarks = grown;
        }

        _trialMarks[_trialDepth] = _evaluationDepth > 0 ? _evaluatedCount : -1;
    }

    /// <summary>At the end of a trial (<see cref="_trialDepth"/> already lowered): a failed one forgets what it recorded.</summary>
    private void ForgetTrialMark(bool clean)
    {
        if (_trialMarks is null || _trialDepth >= _trialMarks.Length)
        {
            return;
        }

        int mark = _trialMarks[_trialDepth];
        _trialMarks[_trialDepth] = -1;
        if (!clean && mark >= 0 && mark <= _evaluatedCount)
        {
            _evaluatedCount = mark;
        }
    }

    private void ReturnEvaluated()
    {
        if (_evaluated is not null)
        {
            ArrayPool<EvaluatedPart>.Shared.Return(_evaluated);
            _evaluated = null;
        }

        if (_trialMarks is not null)
        {
            ArrayPool<int>.Shared.Return(_trialMarks);
            _trialMarks = null;
        }

        _evaluatedCount = 0;
        _evaluationDepth = 0;
    }

    private enum EvaluatedKind : byte
    {
        Property,
        AllProperties,
        ItemsUpTo,
        Item,
    }

    /// <summary>One evaluated member or item range: the instance it belongs to, and the member name's place in the input or the item index.</summary>
    private readonly struct EvaluatedPart(int instance, EvaluatedKind kind, int start, int length, bool escaped)
    {
        public int Instance { get; } = instance;

        public EvaluatedKind Kind { get; } = kind;

        public int Start { get; } = start;

        public int Length { get; } = length;

        public bool Escaped { get; } = escaped;
    }
}
