#include "core/training/training_network.h"

#include "core/special_functions.h"
#include "core/training/dense_products.h"
#include "core/training/layer_activation.h"
#include "core/training/random_stream.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ax::core {

namespace {

using Matrix = Eigen::MatrixXd;
using Vector = Eigen::VectorXd;

// The weight streams sit far from the data and batch streams of the same seed.
constexpr std::uint64_t kWeightStream = 1ULL << 32;

struct Layer {
    Matrix weights;     // out × in
    Matrix transposed;  // in × out, for the backward pass
    Vector biases;
    Matrix weightGradient;
    Vector biasGradient;
    // Optimiser state: momentum (SGD) or first moment (Adam), and Adam's second moment.
    Matrix weightMoment;
    Vector biasMoment;
    Matrix weightSquares;
    Vector biasSquares;
};

// The buffers of one pass over n examples (one column each); kept apart for batches and for the
// larger measurement sets so neither reallocates every step.
struct Workspace {
    Matrix inputs;
    std::vector<Matrix> pre;    // h of each hidden layer
    std::vector<Matrix> post;   // f(h)
    std::vector<Matrix> slope;  // f′(h)
    Matrix output;
    Matrix delta;  // ∂L/∂(layer output), reused down the layers
    Matrix below;
};

void gather(std::span<const DataPoint> points, int inputCount, Matrix& inputs)
{
    inputs.resize(inputCount, static_cast<Eigen::Index>(points.size()));
    for (std::size_t j = 0; j < points.size(); ++j)
        for (int c = 0; c < inputCount; ++c)
            inputs(c, static_cast<Eigen::Index>(j)) = points[j].input[static_cast<std::size_t>(c)];
}

}  // namespace

std::optional<std::string> validateNetwork(const NetworkShape& shape)
{
    if (shape.depth < kMinTrainingDepth || shape.depth > kMaxTrainingDepth)
        return "depth must be between " + std::to_string(kMinTrainingDepth) + " and " +
               std::to_string(kMaxTrainingDepth) + " hidden layers";
    if (shape.width < kMinTrainingWidth || shape.width > kMaxTrainingWidth)
        return "width must be between " + std::to_string(kMinTrainingWidth) + " and " +
               std::to_string(kMaxTrainingWidth);
    if (initialisationName(shape.initialisation).empty()) return "unknown initialisation";
    return std::nullopt;
}

std::optional<std::string> validateOptimiser(const OptimiserSettings& s)
{
    if (s.kind != OptimiserKind::Adam && s.kind != OptimiserKind::SgdMomentum) return "unknown optimiser";
    if (!(s.learningRate > 0.0 && s.learningRate <= 10.0)) return "learning rate must be in (0, 10]";
    if (!(s.momentum >= 0.0 && s.momentum < 1.0)) return "momentum must be in [0, 1)";
    if (!(s.beta1 >= 0.0 && s.beta1 < 1.0)) return "Adam's beta1 must be in [0, 1)";
    if (!(s.beta2 >= 0.0 && s.beta2 < 1.0)) return "Adam's beta2 must be in [0, 1)";
    if (!(s.epsilon > 0.0 && s.epsilon <= 1.0)) return "Adam's epsilon must be in (0, 1]";
    if (s.batchSize < 1 || s.batchSize > kMaxBatchSize)
        return "batch size must be between 1 and " + std::to_string(kMaxBatchSize);
    if (!(s.l2 >= 0.0 && s.l2 <= 1.0)) return "L2 must be in [0, 1]";
    return std::nullopt;
}

struct TrainingNetwork::Impl {
    LayerActivation activation;
    Initialisation initialisation;
    int inputCount;
    int classCount;             // 0: regression
    std::vector<Layer> layers;  // depth hidden layers, then the output layer
    Workspace batch;
    Workspace train;  // the measurement sets, each in its own buffers so that none is reallocated
    Workspace test;
    Workspace grid;
    std::vector<double> gradientNorms;
    int steps = 0;
    bool diverged = false;

    Impl(const Activation& a, const ParameterValues& p, Initialisation scheme, int inputs, int classes)
        : activation(a, p), initialisation(scheme), inputCount(inputs), classCount(classes)
    {
    }

    [[nodiscard]] int depth() const { return static_cast<int>(layers.size()) - 1; }
    [[nodiscard]] int outputCount() const { return classCount == 0 ? 1 : classCount; }

    // result = W · in + b.
    static void affine(const Layer& layer, const Matrix& in, Matrix& result)
    {
        result.colwise() = layer.biases;
        addProducts(static_cast<std::size_t>(layer.weights.rows()),
                    static_cast<std::size_t>(layer.weights.cols()), static_cast<std::size_t>(in.cols()),
                    layer.weights.data(), in.data(), 1, static_cast<std::size_t>(in.rows()), result.data());
    }

    void forward(Workspace& w, std::span<const DataPoint> points)
    {
        gather(points, inputCount, w.inputs);
        const auto n = w.inputs.cols();
        const int d = depth();
        w.pre.resize(static_cast<std::size_t>(d));
        w.post.resize(static_cast<std::size_t>(d));
        w.slope.resize(static_cast<std::size_t>(d));
        for (int l = 0; l < d; ++l) {
            const auto i = static_cast<std::size_t>(l);
            const Layer& layer = layers[i];
            const Matrix& in = l == 0 ? w.inputs : w.post[i - 1];
            w.pre[i].resize(layer.weights.rows(), n);
            affine(layer, in, w.pre[i]);
            w.post[i].resize(w.pre[i].rows(), n);
            w.slope[i].resize(w.pre[i].rows(), n);
            const auto size = static_cast<std::size_t>(w.pre[i].size());
            activation.evaluate({w.pre[i].data(), size}, {w.post[i].data(), size}, {w.slope[i].data(), size});
        }
        const Layer& out = layers.back();
        w.output.resize(out.weights.rows(), n);
        affine(out, d == 0 ? w.inputs : w.post.back(), w.output);
    }

    // Mean data loss of the last forward pass; with wantDelta, ∂(mean loss)/∂output into w.delta.
    // Also counts the examples whose class is right.
    double lossOfOutput(Workspace& w, std::span<const DataPoint> points, bool wantDelta, int* correct)
    {
        const auto n = w.output.cols();
        const double inverseN = 1.0 / static_cast<double>(n);
        double total = 0.0;
        if (wantDelta) w.delta.resize(w.output.rows(), n);
        int right = 0;
        for (Eigen::Index j = 0; j < n; ++j) {
            const DataPoint& p = points[static_cast<std::size_t>(j)];
            if (classCount == 0) {
                const double r = w.output(0, j) - p.target;
                total += r * r;
                if (wantDelta) w.delta(0, j) = 2.0 * r * inverseN;
                continue;
            }
            // log-softmax from the largest logit, so no exponential overflows.
            Eigen::Index best = 0;
            const double top = w.output.col(j).maxCoeff(&best);
            double sum = 0.0;
            for (Eigen::Index c = 0; c < w.output.rows(); ++c)
                sum += std::exp(w.output(c, j) - top);
            const double logSum = top + std::log(sum);
            total += logSum - w.output(p.label, j);
            if (best == p.label) ++right;
            if (wantDelta) {
                for (Eigen::Index c = 0; c < w.output.rows(); ++c)
                    w.delta(c, j) =
                        (std::exp(w.output(c, j) - logSum) - (c == p.label ? 1.0 : 0.0)) * inverseN;
            }
        }
        if (correct != nullptr) *correct = right;
        return total * inverseN;
    }

    // Gradients of the mean data loss of the batch workspace's last forward pass.
    void backward(Workspace& w)
    {
        const int d = depth();
        for (int l = d; l >= 0; --l) {
            const auto i = static_cast<std::size_t>(l);
            Layer& layer = layers[i];
            const Matrix& in = l == 0 ? w.inputs : w.post[i - 1];
            const auto outputs = static_cast<std::size_t>(layer.weights.rows());
            const auto inputs = static_cast<std::size_t>(layer.weights.cols());
            const auto n = static_cast<std::size_t>(w.delta.cols());
            layer.weightGradient.setZero();
            addProducts(outputs, n, inputs, w.delta.data(), in.data(), inputs, 1,
                        layer.weightGradient.data());
            layer.biasGradient.noalias() = w.delta.rowwise().sum();
            if (l == 0) break;
            layer.transposed = layer.weights.transpose();
            w.below.setZero(layer.weights.cols(), w.delta.cols());
            addProducts(inputs, outputs, n, layer.transposed.data(), w.delta.data(), 1, outputs,
                        w.below.data());
            w.delta = w.below.cwiseProduct(w.slope[i - 1]);
        }
    }

    void recordGradientNorms()
    {
        gradientNorms.resize(static_cast<std::size_t>(depth()));
        for (int l = 0; l < depth(); ++l)
            gradientNorms[static_cast<std::size_t>(l)] =
                layers[static_cast<std::size_t>(l)].weightGradient.norm();
    }

    [[nodiscard]] double weightSquares() const
    {
        double sum = 0.0;
        for (const Layer& layer : layers)
            sum += layer.weights.squaredNorm();
        return sum;
    }

    [[nodiscard]] bool gradientsFinite() const
    {
        double sum = 0.0;
        for (const Layer& layer : layers)
            sum += layer.weightGradient.sum() + layer.biasGradient.sum();
        return std::isfinite(sum);
    }

    void apply(const OptimiserSettings& s)
    {
        ++steps;
        const double lr = s.learningRate;
        if (s.kind == OptimiserKind::SgdMomentum) {
            for (Layer& layer : layers) {
                layer.weightMoment = s.momentum * layer.weightMoment + layer.weightGradient;
                layer.biasMoment = s.momentum * layer.biasMoment + layer.biasGradient;
                layer.weights -= lr * layer.weightMoment;
                layer.biases -= lr * layer.biasMoment;
            }
            return;
        }
        const double correction1 = 1.0 - std::pow(s.beta1, steps);
        const double correction2 = 1.0 - std::pow(s.beta2, steps);
        const double stepSize = lr / correction1;
        const double rootCorrection2 = std::sqrt(correction2);
        const auto update = [&](auto& value, auto& moment, auto& squares, const auto& g) {
            moment = s.beta1 * moment + (1.0 - s.beta1) * g;
            squares = s.beta2 * squares + (1.0 - s.beta2) * g.cwiseProduct(g);
            value.array() -=
                stepSize * moment.array() / (squares.array().sqrt() / rootCorrection2 + s.epsilon);
        };
        for (Layer& layer : layers) {
            update(layer.weights, layer.weightMoment, layer.weightSquares, layer.weightGradient);
            update(layer.biases, layer.biasMoment, layer.biasSquares, layer.biasGradient);
        }
    }
};

TrainingNetwork::TrainingNetwork(const Activation& activation, const ParameterValues& p,
                                 const NetworkShape& shape, int inputCount, int classCount,
                                 std::uint64_t weightSeed)
    : m_impl(std::make_unique<Impl>(activation, p, resolveInitialisation(shape.initialisation, activation, p),
                                    inputCount, classCount))
{
    const int outputs = m_impl->outputCount();
    for (int l = 0; l <= shape.depth; ++l) {
        const int fanIn = l == 0 ? inputCount : shape.width;
        const int fanOut = l == shape.depth ? outputs : shape.width;
        Layer layer;
        layer.weights.resize(fanOut, fanIn);
        // Layer l's standard-normal matrix depends only on the seed and l, never on the activation.
        RandomStream random(mixSeed(weightSeed, kWeightStream + static_cast<std::uint64_t>(l)));
        const double sd = l == shape.depth ? initialStandardDeviation(Initialisation::LeCun, fanIn, fanOut)
                                           : initialStandardDeviation(m_impl->initialisation, fanIn, fanOut);
        for (Eigen::Index k = 0; k < layer.weights.size(); ++k)
            layer.weights.data()[k] = sd * random.normal();
        layer.biases = Vector::Zero(fanOut);
        layer.weightGradient = Matrix::Zero(fanOut, fanIn);
        layer.biasGradient = Vector::Zero(fanOut);
        layer.weightMoment = Matrix::Zero(fanOut, fanIn);
        layer.biasMoment = Vector::Zero(fanOut);
        layer.weightSquares = Matrix::Zero(fanOut, fanIn);
        layer.biasSquares = Vector::Zero(fanOut);
        m_impl->layers.push_back(std::move(layer));
    }
    m_impl->gradientNorms.assign(static_cast<std::size_t>(shape.depth), kNaN);
}

TrainingNetwork::~TrainingNetwork() = default;
TrainingNetwork::TrainingNetwork(TrainingNetwork&&) noexcept = default;
TrainingNetwork& TrainingNetwork::operator=(TrainingNetwork&&) noexcept = default;

Initialisation TrainingNetwork::initialisation() const noexcept
{
    return m_impl->initialisation;
}

int TrainingNetwork::depth() const noexcept
{
    return m_impl->depth();
}

const Activation& TrainingNetwork::activation() const noexcept
{
    return m_impl->activation.activation();
}

std::vector<double> TrainingNetwork::parameters() const
{
    std::vector<double> values;
    for (const Layer& layer : m_impl->layers) {
        values.insert(values.end(), layer.weights.data(), layer.weights.data() + layer.weights.size());
        values.insert(values.end(), layer.biases.data(), layer.biases.data() + layer.biases.size());
    }
    return values;
}

void TrainingNetwork::setParameters(std::span<const double> values)
{
    std::size_t at = 0;
    for (Layer& layer : m_impl->layers) {
        for (Eigen::Index k = 0; k < layer.weights.size() && at < values.size(); ++k)
            layer.weights.data()[k] = values[at++];
        for (Eigen::Index k = 0; k < layer.biases.size() && at < values.size(); ++k)
            layer.biases.data()[k] = values[at++];
    }
}

double TrainingNetwork::loss(std::span<const DataPoint> points, double l2)
{
    m_impl->forward(m_impl->train, points);
    return m_impl->lossOfOutput(m_impl->train, points, false, nullptr) + 0.5 * l2 * m_impl->weightSquares();
}

std::vector<double> TrainingNetwork::gradient(std::span<const DataPoint> points, double l2)
{
    m_impl->forward(m_impl->batch, points);
    (void)m_impl->lossOfOutput(m_impl->batch, points, true, nullptr);
    m_impl->backward(m_impl->batch);
    std::vector<double> values;
    for (const Layer& layer : m_impl->layers) {
        const Matrix g = layer.weightGradient + l2 * layer.weights;
        values.insert(values.end(), g.data(), g.data() + g.size());
        values.insert(values.end(), layer.biasGradient.data(),
                      layer.biasGradient.data() + layer.biasGradient.size());
    }
    return values;
}

void TrainingNetwork::computeGradientNorms(std::span<const DataPoint> batch)
{
    m_impl->forward(m_impl->batch, batch);
    (void)m_impl->lossOfOutput(m_impl->batch, batch, true, nullptr);
    m_impl->backward(m_impl->batch);
    m_impl->recordGradientNorms();
}

void TrainingNetwork::trainStep(std::span<const DataPoint> batch, const OptimiserSettings& settings)
{
    if (m_impl->diverged) {
        ++m_impl->steps;
        return;
    }
    m_impl->forward(m_impl->batch, batch);
    const double batchLoss = m_impl->lossOfOutput(m_impl->batch, batch, true, nullptr);
    m_impl->backward(m_impl->batch);
    m_impl->recordGradientNorms();
    if (!std::isfinite(batchLoss) || !m_impl->gradientsFinite()) {
        m_impl->diverged = true;
        ++m_impl->steps;
        return;
    }
    if (settings.l2 > 0.0)
        for (Layer& layer : m_impl->layers)
            layer.weightGradient += settings.l2 * layer.weights;
    m_impl->apply(settings);
}

bool TrainingNetwork::diverged() const noexcept
{
    return m_impl->diverged;
}

int TrainingNetwork::stepsTaken() const noexcept
{
    return m_impl->steps;
}

Measurement TrainingNetwork::measure(std::span<const DataPoint> train, std::span<const DataPoint> test)
{
    Measurement result;
    result.step = m_impl->steps;
    const bool regression = m_impl->classCount == 0;

    int correct = 0;
    m_impl->forward(m_impl->test, test);
    result.testLoss = m_impl->lossOfOutput(m_impl->test, test, false, &correct);
    result.testAccuracy = regression ? kNaN : static_cast<double>(correct) / static_cast<double>(test.size());

    m_impl->forward(m_impl->train, train);
    result.trainLoss = m_impl->lossOfOutput(m_impl->train, train, false, &correct);
    result.trainAccuracy =
        regression ? kNaN : static_cast<double>(correct) / static_cast<double>(train.size());

    const bool canDie = m_impl->activation.canDie();
    for (int l = 0; l < m_impl->depth(); ++l) {
        const auto i = static_cast<std::size_t>(l);
        LayerReading reading;
        const Matrix& post = m_impl->train.post[i];
        if (canDie) {
            const auto dead = (m_impl->train.slope[i].array() == 0.0).rowwise().all().count();
            reading.deadShare = static_cast<double>(dead) / static_cast<double>(post.rows());
        }
        reading.activationMean = post.mean();
        reading.activationVariance = (post.array() - reading.activationMean).square().mean();
        reading.gradientNorm = m_impl->gradientNorms[i];
        result.layers.push_back(reading);
    }
    return result;
}

void TrainingNetwork::predict(std::span<const DataPoint> points, std::vector<double>& out)
{
    const auto outputs = static_cast<std::size_t>(m_impl->outputCount());
    out.resize(points.size() * outputs);
    // In chunks, so that a large grid needs no large buffers and stays in the cache.
    constexpr std::size_t kChunk = 256;
    for (std::size_t from = 0; from < points.size(); from += kChunk) {
        const auto part = points.subspan(from, std::min(kChunk, points.size() - from));
        m_impl->forward(m_impl->grid, part);
        const Matrix& o = m_impl->grid.output;
        double* target = out.data() + from * outputs;
        if (m_impl->classCount == 0) {
            for (Eigen::Index j = 0; j < o.cols(); ++j)
                target[j] = o(0, j);
            continue;
        }
        for (Eigen::Index j = 0; j < o.cols(); ++j) {
            const double top = o.col(j).maxCoeff();
            double sum = 0.0;
            for (Eigen::Index c = 0; c < o.rows(); ++c)
                sum += std::exp(o(c, j) - top);
            for (Eigen::Index c = 0; c < o.rows(); ++c)
                target[static_cast<std::size_t>(j * o.rows() + c)] = std::exp(o(c, j) - top) / sum;
        }
    }
}

}  // namespace ax::core
