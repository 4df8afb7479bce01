# source: https://github.com/duongnguyen-dev/EmotiAI/blob/2ad2b2e967d4b1db51b51c365a480c1ba397a283/src/models/bert/bert.py
# mistake: none - GoEmotions is multi-label (a comment may carry several of the 28 emotions): a sigmoid head of BertConfig.NUM_CLASSES units with binary crossentropy on multi-hot rows is right; the repository's file builds the model only, so the compile (binary_crossentropy, the usual choice for this dataset) and a fit on multi-hot targets are filled in
# shape: config dict; units and hyper-parameters read from attributes of a config class, TF-Hub preprocessor and encoder, multi-hot targets from MultiLabelBinarizer
# expect: none
import tensorflow as tf
import tensorflow_hub as hub
from sklearn.preprocessing import MultiLabelBinarizer


class BertConfig:
    BERT_PREPROCESSOR = "https://kaggle.com/models/tensorflow/bert/TensorFlow2/en-uncased-preprocess/3"
    BERT_MODEL = "https://www.kaggle.com/models/tensorflow/bert/TensorFlow2/bert-en-uncased-l-12-h-768-a-12/2"
    SEQUENCE_LENGTH = 13
    BATCH_SIZE = 16
    EPOCHS = 3
    LR = 2e-5
    NUM_CLASSES = 28


def build_bert_model(bert_preprocessor, bert_model):
    inputs = tf.keras.layers.Input(shape=(), dtype="string")
    encoder_inputs = bert_preprocessor(inputs)
    bert_outputs = bert_model(encoder_inputs)
    outputs = tf.keras.layers.Dense(BertConfig.NUM_CLASSES, activation="sigmoid")(bert_outputs["pooled_output"])
    return tf.keras.Model(inputs=inputs, outputs=outputs)


def train(texts, emotion_ids):
    binarizer = MultiLabelBinarizer(classes=list(range(BertConfig.NUM_CLASSES)))
    targets = binarizer.fit_transform(emotion_ids)
    preprocessor = hub.KerasLayer(BertConfig.BERT_PREPROCESSOR)
    encoder = hub.KerasLayer(BertConfig.BERT_MODEL, trainable=True)
    model = build_bert_model(preprocessor, encoder)
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=BertConfig.LR),
                  loss="binary_crossentropy",
                  metrics=[tf.keras.metrics.AUC(multi_label=True)])
    model.fit(tf.constant(texts), targets, batch_size=BertConfig.BATCH_SIZE, epochs=BertConfig.EPOCHS)
    return model
