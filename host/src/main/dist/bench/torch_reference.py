#!/usr/bin/python3
"""The reference that `auralis bench --reference` runs beside `auralis ser predict`: the same CNN-n-GRU in plain
PyTorch, the way a researcher's script runs it. Each file is loaded with torchaudio, mixed to mono, resampled to
16 kHz with torchaudio's resampler and run through the network alone (no batching), and one JSON line per file is
printed: {"file", "label", "logprobs"}.

Needs Debian's PyTorch (apt-get install python3-torch python3-torchaudio; /usr/bin/python3). The network has the
model's architecture, classes, GRU size and layers (read from its model.json) with random weights: Auralis stores
weights in DJL's format, and the time a forward pass takes does not depend on the values of the weights.

    /usr/bin/python3 torch_reference.py --model MODEL_DIR [--threads N] FILE...

The network below restates the published CNN-n-GRU reference (Nfissi et al., ICMLA 2022) layer for layer, with its
module names (conv1.., bn1.., fc1, gru1, fc2) and the cnn11gru quirk that normalises conv3's output with bn1; the
import tests' fixtures (plugin-ser/src/test/resources/fixtures/make_fixtures.py) are made with this class.
"""
import argparse
import json
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

# conv output channels, 1-based convs followed by a max-pool, fc1 units, {conv: bn it uses}
ARCHS = {
    "cnn3gru": ([6, 6], {1, 2}, 3, {}),
    "cnn5gru": ([5, 5, 10, 20], {1, 2, 3, 4}, 10, {}),
    "cnn11gru": ([11, 11, 11, 22, 22, 44, 44, 44, 88, 88], {1, 3, 5, 8}, 44, {3: 1}),
    "cnn18gru": ([18] * 5 + [36] * 4 + [72] * 4 + [144] * 4, {1, 5, 9, 13}, 72, {}),
}


class CnnGru(nn.Module):
    def __init__(self, arch, n_output, hidden_dim=64, n_layers=1, dropout=0.0, temporal=False):
        super().__init__()
        channels, self.pools, fc1_units, self.norm_of = ARCHS[arch]
        self.count = len(channels)
        self.temporal = temporal
        c_in = 1
        for i, c in enumerate(channels, start=1):
            if i == 1:
                conv = nn.Conv1d(c_in, c, kernel_size=160, stride=4)
            else:
                conv = nn.Conv1d(c_in, c, kernel_size=3, stride=1, padding=1)
            setattr(self, "conv%d" % i, conv)
            setattr(self, "bn%d" % i, nn.BatchNorm1d(c))
            c_in = c
        self.fc1 = nn.Linear(c_in, fc1_units)
        self.gru1 = nn.GRU(fc1_units, hidden_dim, n_layers, batch_first=True,
                           dropout=dropout if n_layers > 1 else 0)
        self.fc2 = nn.Linear(hidden_dim, n_output)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        for i in range(1, self.count + 1):
            x = getattr(self, "conv%d" % i)(x)
            x = F.leaky_relu(getattr(self, "bn%d" % self.norm_of.get(i, i))(x))
            if i in self.pools:
                x = F.max_pool1d(x, 4)
        if not self.temporal:
            x = F.avg_pool1d(x, x.shape[-1])
        x = x.permute(0, 2, 1)
        x = self.fc1(F.leaky_relu(x))
        x, _ = self.gru1(x)  # zero initial state, as init_hidden gives
        x = self.dropout(F.leaky_relu(x[:, -1]))
        return F.log_softmax(self.fc2(x), dim=1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", required=True, help="an Auralis model directory (its model.json is read)")
    parser.add_argument("--threads", type=int, default=os.cpu_count(), help="PyTorch threads (default: cores)")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    import torchaudio  # here, so that make_fixtures.py can import this module without torchaudio
    with open(os.path.join(args.model, "model.json")) as f:
        config = json.load(f)
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    classes = config["classes"]
    model = CnnGru(config["architecture"], len(classes), config.get("hidden", 64), config.get("layers", 1),
                   temporal=config.get("temporal", False))
    model.eval()
    failed = 0
    out = sys.stdout
    with torch.no_grad():
        for name in args.files:
            try:
                wave, rate = torchaudio.load(name)
            except Exception as e:  # one line per bad file, as ser predict does
                print("torch_reference: %s: %s" % (name, e), file=sys.stderr)
                failed += 1
                continue
            wave = wave.mean(dim=0, keepdim=True)
            if rate != 16000:
                wave = torchaudio.functional.resample(wave, rate, 16000)
            logprobs = model(wave.view(1, 1, -1))[0]
            out.write(json.dumps({"file": name, "label": classes[int(logprobs.argmax())],
                                  "logprobs": [round(float(v), 6) for v in logprobs]}) + "\n")
    out.flush()
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
