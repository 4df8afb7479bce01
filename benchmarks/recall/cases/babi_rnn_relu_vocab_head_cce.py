# source: https://github.com/keras-team/keras/issues/13272
# mistake: the bAbI RNN example with its answer layer switched from softmax to relu (the issue reports a higher accuracy and asks why the example keeps softmax); categorical_crossentropy without from_logits on a relu output clips the scores into [1e-7, 1 - 1e-7] and normalises them, so samples whose scores leave that range get no gradient
# shape: units from a computed vocabulary; vocab_size = len(vocab) + 1 with vocab a sorted set of the story/query/answer tokens, two-input functional model, one-hot answers built in a loop
# expect: KL106 line 55
import numpy as np
from functools import reduce
from tensorflow import keras
from tensorflow.keras import layers

EMBED_HIDDEN = 50
SENT_HIDDEN = 100
QUERY_HIDDEN = 100


def load_pairs(path):
    stories, queries, answers = [], [], []
    with open(path) as handle:
        for line in handle:
            story, query, answer = line.rstrip("\n").split("\t")
            stories.append(story.split())
            queries.append(query.split())
            answers.append(answer)
    return list(zip(stories, queries, answers))


def vectorize(data, word_idx, story_maxlen, query_maxlen):
    xs, xqs, ys = [], [], []
    for story, query, answer in data:
        xs.append([word_idx[w] for w in story])
        xqs.append([word_idx[w] for w in query])
        y = np.zeros(len(word_idx) + 1)
        y[word_idx[answer]] = 1
        ys.append(y)
    return (keras.preprocessing.sequence.pad_sequences(xs, maxlen=story_maxlen),
            keras.preprocessing.sequence.pad_sequences(xqs, maxlen=query_maxlen), np.array(ys))


train = load_pairs("qa2_train.txt")
vocab = sorted(reduce(lambda a, b: a | b, (set(s + q + [a]) for s, q, a in train)))
vocab_size = len(vocab) + 1
word_idx = {w: i + 1 for i, w in enumerate(vocab)}
story_maxlen = max(len(s) for s, _, _ in train)
query_maxlen = max(len(q) for _, q, _ in train)
x, xq, y = vectorize(train, word_idx, story_maxlen, query_maxlen)

sentence = layers.Input(shape=(story_maxlen,), dtype="int32")
encoded_sentence = layers.Embedding(vocab_size, EMBED_HIDDEN)(sentence)
encoded_sentence = layers.LSTM(SENT_HIDDEN)(encoded_sentence)
question = layers.Input(shape=(query_maxlen,), dtype="int32")
encoded_question = layers.Embedding(vocab_size, EMBED_HIDDEN)(question)
encoded_question = layers.LSTM(QUERY_HIDDEN)(encoded_question)
merged = layers.concatenate([encoded_sentence, encoded_question])
preds = layers.Dense(vocab_size, activation="relu")(merged)
model = keras.Model([sentence, question], preds)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit([x, xq], y, batch_size=32, epochs=20, validation_split=0.05)
