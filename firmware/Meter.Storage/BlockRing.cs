using Meter.Hal;

namespace Meter.Storage
{
    /// <summary>
    /// The region under <see cref="LoadProfile"/> and <see cref="AnalysisLog"/>: a pointer record (block sequence, committed
    /// tail) wear-levelled over <see cref="PointerSlots"/> slots, then a ring of fixed-size blocks, block <c>seq</c> at index
    /// <c>seq mod count</c>. The owners write new bytes only past the committed tail or into the next block (the oldest,
    /// the spare), then <see cref="Commit"/>: a cut before the commit leaves what was committed. Readable: the current block
    /// and the count − 2 before it.
    /// </summary>
    internal sealed class BlockRing
    {
        /// <summary>Pointer record slots: the pointer is committed once an entry, wear-levelled over these.</summary>
        public const int PointerSlots = 16;

        private readonly WearLevelledRecord _pointer;
        private readonly long[] _pointerValues = new long[2];
        private readonly int _blocksAddress;
        private readonly int _blockCount;
        private readonly int _blockSize;

        /// <summary>A ring in <paramref name="regionSize"/> bytes from <paramref name="baseAddress"/>; <paramref name="what"/> names it in refusals.</summary>
        public BlockRing(INvMemory memory, int baseAddress, int regionSize, int blockSize, string what)
        {
            int pointerBytes = WearLevelledRecord.RegionSize(2, PointerSlots);
            _blockCount = (regionSize - pointerBytes) / blockSize;
            if (_blockCount < 3)
            {
                throw new System.ArgumentException(what + " region must hold at least three blocks");
            }
            if (baseAddress < 0 || baseAddress + regionSize > memory.Size)
            {
                throw new System.ArgumentException(what + " region lies outside the NV memory");
            }
            _pointer = new WearLevelledRecord(memory, baseAddress, 2, PointerSlots);
            _blocksAddress = baseAddress + pointerBytes;
            _blockSize = blockSize;
        }

        /// <summary>Blocks in the ring (one is the spare).</summary>
        public int BlockCount { get { return _blockCount; } }

        /// <summary>Bytes a block.</summary>
        public int BlockSize { get { return _blockSize; } }

        /// <summary>Torn pointer slots discarded at the last <see cref="RecoverPointer"/>.</summary>
        public int TornPointerSlots { get { return _pointer.TornSlots; } }

        /// <summary>The committed block sequence, 0 when none was ever committed (valid after <see cref="RecoverPointer"/>).</summary>
        public long CommittedSequence { get { return _pointer.HasValue && _pointer[0] >= 1 ? _pointer[0] : 0; } }

        /// <summary>Reads the pointer: the current block's sequence and committed tail; false when none was ever committed.</summary>
        public bool RecoverPointer(out long sequence, out int tail)
        {
            sequence = 0;
            tail = 0;
            if (!_pointer.Recover())
            {
                return false;
            }
            sequence = _pointer[0];
            tail = (int)_pointer[1];
            return true;
        }

        /// <summary>Commits block <paramref name="sequence"/> as current with its data ending at <paramref name="tail"/>.</summary>
        public void Commit(long sequence, int tail)
        {
            _pointerValues[0] = sequence;
            _pointerValues[1] = tail;
            _pointer.Commit(_pointerValues);
        }

        /// <summary>First byte of block <paramref name="sequence"/>.</summary>
        public int BlockAddress(long sequence)
        {
            return _blocksAddress + (int)(sequence % _blockCount) * _blockSize;
        }

        /// <summary>The oldest readable block when <paramref name="current"/> is the newest (1 at the least).</summary>
        public long OldestReadable(long current)
        {
            long oldest = current - (_blockCount - 2);
            return oldest < 1 ? 1 : oldest;
        }
    }
}
