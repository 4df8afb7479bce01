# source: https://github.com/wanasit/katakana/issues/3
# mistake: character-level seq2seq whose per-step softmax over the output alphabet is trained with binary_crossentropy
# shape: units from len() of a collection; units from len() of a character table plus padding, TimeDistributed head
# expect: KL102 line 25
import numpy as np
from tensorflow.keras.layers import Input, Embedding, LSTM, TimeDistributed, Dense
from tensorflow.keras.models import Model

KATAKANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンー"
output_encoding = {ch: i + 1 for i, ch in enumerate(KATAKANA)}
output_dict_size = len(output_encoding) + 1
input_dict_size = 60
INPUT_LEN = 20
OUTPUT_LEN = 20

enc_in = Input(shape=(INPUT_LEN,))
dec_in = Input(shape=(OUTPUT_LEN,))
enc = Embedding(input_dict_size, 64, mask_zero=True)(enc_in)
enc_out, h, c = LSTM(64, return_state=True)(enc)
dec = Embedding(output_dict_size, 64, mask_zero=True)(dec_in)
dec = LSTM(64, return_sequences=True)(dec, initial_state=[h, c])
dec_out = TimeDistributed(Dense(output_dict_size, activation="softmax"))(dec)

model = Model(inputs=[enc_in, dec_in], outputs=[dec_out])
model.compile(optimizer="adam", loss="binary_crossentropy")

enc_x = np.load("enc_x.npy")
dec_x = np.load("dec_x.npy")
dec_y = np.load("dec_y_onehot.npy")
model.fit([enc_x, dec_x], dec_y, batch_size=64, epochs=30)
